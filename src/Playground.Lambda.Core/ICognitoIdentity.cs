namespace Amazon.Lambda.Core;

/// <summary>The Amazon Cognito identity of the caller, when the AWS Mobile SDK invoked the function.</summary>
public interface ICognitoIdentity
{
    string IdentityId { get; }

    string IdentityPoolId { get; }
}
