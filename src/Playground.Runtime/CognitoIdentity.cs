using Amazon.Lambda.Core;

namespace Playground.Runtime;

internal sealed record CognitoIdentity(string IdentityId, string IdentityPoolId) : ICognitoIdentity;
