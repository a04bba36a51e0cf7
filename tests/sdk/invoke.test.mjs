// The playground's Invoke API as an unmodified AWS SDK sees it. Run by the integration tests against a real server
// (PLAYGROUND_ENDPOINT), or by hand against `scripts/run`: `npm test`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  LambdaClient,
  InvokeCommand,
  TooManyRequestsException,
  ResourceNotFoundException,
  InvalidRequestContentException,
  RequestTooLargeException,
} from '@aws-sdk/client-lambda';

const endpoint = process.env.PLAYGROUND_ENDPOINT ?? 'http://127.0.0.1:5000';

// The access key id names the session: a fresh one per run keeps runs apart.
const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
const lambda = new LambdaClient({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId, secretAccessKey: 'not-checked-by-the-playground' },
  // A throttle must surface as the exception, not be retried away.
  maxAttempts: 1,
});

// The playground's own API, in the same session: an Authorization header of the SigV4 shape names it.
const authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0`;

async function api(method, path, body) {
  const response = await fetch(`${endpoint}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text.length ? JSON.parse(text) : null;
}

const deploy = (name, code, config = {}) => api('PUT', `/api/functions/${name}`, { code, config });
const decode = (bytes) => new TextDecoder().decode(bytes);
const payloadOf = (response) => JSON.parse(decode(response.Payload));

async function until(condition, what) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${what} did not happen within 10 s`);
}

before(async () => {
  await deploy('greeter', `
    var invocations = 0;
    object Handler(JsonElement input, ILambdaContext context)
    {
        invocations++;
        context.Logger.LogLine($"hello {input.GetProperty("name").GetString()}");
        if (input.TryGetProperty("fail", out _)) throw new InvalidOperationException("asked to fail");
        return new { greeting = $"hello {input.GetProperty("name").GetString()}", invocations, custom = context.ClientContext?.Custom["tenant"] };
    }`);
});

test('InvokeCommand with LogType Tail returns the payload and the log with START and REPORT', async () => {
  const response = await lambda.send(new InvokeCommand({
    FunctionName: 'greeter',
    Payload: JSON.stringify({ name: 'sdk' }),
    LogType: 'Tail',
  }));

  assert.equal(response.StatusCode, 200);
  assert.equal(response.FunctionError, undefined);
  assert.equal(response.ExecutedVersion, '1');
  assert.equal(payloadOf(response).greeting, 'hello sdk');
  const log = Buffer.from(response.LogResult, 'base64').toString('utf8');
  assert.match(log, /^START RequestId: [0-9a-f-]{36} Version: 1$/m);
  assert.match(log, /^hello sdk$/m);
  assert.match(log, /^END RequestId: [0-9a-f-]{36}$/m);
  assert.match(log, /^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB\t/m);
});

test('a function error surfaces as FunctionError with the error payload', async () => {
  const response = await lambda.send(new InvokeCommand({
    FunctionName: 'greeter',
    Payload: JSON.stringify({ name: 'x', fail: true }),
  }));

  assert.equal(response.StatusCode, 200);
  assert.equal(response.FunctionError, 'Unhandled');
  const error = payloadOf(response);
  assert.equal(error.errorType, 'InvalidOperationException');
  assert.equal(error.errorMessage, 'asked to fail');
  assert.ok(Array.isArray(error.stackTrace));
});

test('the client context reaches ILambdaContext.ClientContext', async () => {
  const clientContext = Buffer.from(JSON.stringify({ custom: { tenant: 'acme' }, env: {}, client: {} })).toString('base64');
  const response = await lambda.send(new InvokeCommand({
    FunctionName: 'greeter',
    Payload: JSON.stringify({ name: 'ctx' }),
    ClientContext: clientContext,
  }));

  assert.equal(payloadOf(response).custom, 'acme');
});

test('a throttled invoke surfaces as TooManyRequestsException with its Reason', async () => {
  await deploy('single', 'object Handler() { Thread.Sleep(2000); return "done"; }', { reservedConcurrency: 1 });
  const running = lambda.send(new InvokeCommand({ FunctionName: 'single' }));
  await until(async () => (await api('GET', '/api/functions/single/contexts')).some((c) => c.state === 'Busy'), 'the first invoke');

  await assert.rejects(
    lambda.send(new InvokeCommand({ FunctionName: 'single' })),
    (error) => {
      assert.ok(error instanceof TooManyRequestsException, `${error.name}: ${error.message}`);
      assert.equal(error.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
      assert.equal(error.$metadata.httpStatusCode, 429);
      return true;
    });
  assert.equal(payloadOf(await running), 'done');
});

test('an Event invoke answers 202 at once and runs in the background', async () => {
  await deploy('background', 'object Handler(JsonElement input) { Thread.Sleep(300); return "ran"; }');

  const response = await lambda.send(new InvokeCommand({ FunctionName: 'background', InvocationType: 'Event', Payload: '{}' }));

  assert.equal(response.StatusCode, 202);
  await until(async () => (await api('GET', '/api/functions/background/contexts')).some((c) => c.invocations === 1), 'the Event invocation');
});

test('a DryRun answers 204 and runs nothing', async () => {
  await deploy('dry', 'object Handler() => "ran";');

  const response = await lambda.send(new InvokeCommand({ FunctionName: 'dry', InvocationType: 'DryRun' }));

  assert.equal(response.StatusCode, 204);
  assert.deepEqual(await api('GET', '/api/functions/dry/contexts'), []);
});

test('a qualifier invokes that version; an unknown one or an unknown function is ResourceNotFoundException', async () => {
  await deploy('versioned', 'object Handler() => "one";');
  await deploy('versioned', 'object Handler() => "two";');

  const latest = await lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '$LATEST' }));
  const first = await lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '1' }));

  assert.equal(payloadOf(latest), 'two');
  assert.equal(latest.ExecutedVersion, '2');
  assert.equal(payloadOf(first), 'one');
  assert.equal(first.ExecutedVersion, '1');
  await assert.rejects(lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '7' })), ResourceNotFoundException);
  await assert.rejects(lambda.send(new InvokeCommand({ FunctionName: 'no-such-function' })), ResourceNotFoundException);
});

test('a body that is not JSON is InvalidRequestContentException; one over 6 MB is RequestTooLargeException', async () => {
  await assert.rejects(
    lambda.send(new InvokeCommand({ FunctionName: 'greeter', Payload: new TextEncoder().encode('{not json') })),
    InvalidRequestContentException);
  await assert.rejects(
    lambda.send(new InvokeCommand({ FunctionName: 'greeter', Payload: JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }) })),
    RequestTooLargeException);
});
