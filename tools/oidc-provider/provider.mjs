// A local OpenID Connect provider for the tests and `scripts/run.sh --oidc`: panva's certified oidc-provider, configured
// with the programme's clients and one test account per role. It issues JWT access tokens for the API (audience
// `trainingapi`) and can put the role and TERYT claims in the shapes real providers use, one shape per client.
//
//   node provider.mjs PORT [--api-origin http://127.0.0.1:5000]... [--audience trainingapi] [--key-file PATH]
//
// --key-file: the first signing key is read from PATH (a private JWK), or made and written there, so that two providers
// (two issuers) can share a key: a test of the issuer check alone.
//
// Prints "oidc-provider ready ISSUER" when it answers. Test-only routes under /test-admin (never in a real provider):
//   POST /test-admin/rotate-keys  a new signing key signs from now on; the old ones stay in the JWKS
//   GET  /test-admin/stats        how many times the JWKS was fetched
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const port = Number(args[0]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node provider.mjs PORT [--api-origin ORIGIN]... [--audience AUD]');
  process.exit(2);
}
const option = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const apiOrigins = option('--api-origin');
const audience = option('--audience')[0] ?? 'trainingapi';
const issuer = `http://127.0.0.1:${port}`;
// A resource indicator must be an absolute URI (RFC 8707); the audience the API checks is configured beside it.
const resource = `urn:${audience}`;
const frontEndOrigin = 'http://localhost:5173';
const password = 'test';

// One person per role. A coordinator speaks for one JST, named by its TERYT code (Bochnia, gmina wiejska).
const accounts = {
  team: { role: 'programme-team', name: 'Anna Zespół' },
  expert: { role: 'expert', name: 'Ewa Ekspert' },
  coordinator: { role: 'jst-coordinator', name: 'Jan Koordynator', teryt: '1201022' },
  advisor: { role: 'advisor', name: 'Adam Doradca' },
  ministry: { role: 'ministry', name: 'Maria Ministerstwo' },
};

// How a provider may carry the role and the TERYT code in an access token; the API is told which by configuration.
const shapes = {
  // The API's defaults: `role` and `teryt`, plain strings.
  flat: (a) => ({ role: a.role, ...(a.teryt && { teryt: a.teryt }) }),
  // The same names, the role as an array (a provider that allows several roles).
  array: (a) => ({ role: [a.role], ...(a.teryt && { teryt: a.teryt }) }),
  // Keycloak: realm roles and client roles nested, groups without their path, a user attribute mapped to a nested claim.
  keycloak: (a) => ({
    realm_access: { roles: [a.role, 'offline_access', 'default-roles-ore'] },
    resource_access: { [audience]: { roles: [a.role] }, account: { roles: ['manage-account'] } },
    groups: ['staff', ...(a.teryt ? [`jst-${a.teryt}`] : [])],
    ...(a.teryt && { jst: { teryt: a.teryt } }),
  }),
  // Microsoft Entra ID: app roles in `roles`, a directory extension attribute as an optional claim named `extn.teryt`.
  entra: (a) => ({ roles: [a.role], ...(a.teryt && { 'extn.teryt': a.teryt }) }),
};

const publicClient = (clientId, redirectUris, shape) => ({
  client_id: clientId,
  token_endpoint_auth_method: 'none',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: redirectUris,
  post_logout_redirect_uris: redirectUris.map((u) => new URL(u).origin + '/'),
  shape,
});
const clients = [
  publicClient('swagger-ui', apiOrigins.map((o) => `${o}/swagger/oauth2-redirect.html`).concat(`${frontEndOrigin}/swagger/oauth2-redirect.html`), 'flat'),
  publicClient('frontend', [`${frontEndOrigin}/callback`], 'flat'),
  publicClient('test-array', [`${frontEndOrigin}/callback`], 'array'),
  publicClient('test-keycloak', [`${frontEndOrigin}/callback`], 'keycloak'),
  publicClient('test-entra', [`${frontEndOrigin}/callback`], 'entra'),
  // The Ministry's automated export: no person, so no role claim; the API maps this client to the `ministry` role.
  {
    client_id: 'ministry-export',
    client_secret: 'ministry-export-secret',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  },
];
const shapeOf = new Map(clients.map((c) => [c.client_id, c.shape]));

// Signing keys, newest first: the provider signs with the first one and publishes them all.
const keys = [];
let keyCount = 0;
function newKey() {
  keyCount += 1;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `key-${keyCount}-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
}

const cookieKeys = [randomBytes(32).toString('hex')];

function build() {
  const provider = new Provider(issuer, {
    clients: clients.map(({ shape, ...metadata }) => metadata),
    jwks: { keys },
    cookies: { keys: cookieKeys },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'profile', 'api'],
    claims: { openid: ['sub'], profile: ['name'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, indicator) => {
          if (indicator !== resource) throw new Provider.errors.InvalidTarget();
          return { scope: 'api', audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (ctx, origin, client) =>
      client.clientAuthMethod === 'none' && (apiOrigins.includes(origin) || origin === frontEndOrigin),
    findAccount: (ctx, sub) => accounts[sub] && {
      accountId: sub,
      claims: () => ({ sub, name: accounts[sub].name }),
    },
    extraTokenClaims: (ctx, token) => {
      const account = accounts[token.accountId];
      return account ? shapes[shapeOf.get(token.clientId) ?? 'flat'](account) : undefined;
    },
    ttl: { Session: 8 * 3600, Grant: 8 * 3600, RefreshToken: 8 * 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600 },
  });
  provider.use((ctx, next) => interactions(provider, ctx, next));
  return provider;
}

// The sign-in page: a login name from the table and the shared test password. Consent is implied for these first-party
// clients, so a consent prompt is granted here without asking.
async function interactions(provider, ctx, next) {
  if (!/^\/interaction\/[^/]+$/.test(ctx.path)) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.prompt.name === 'consent') {
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (ctx.method === 'POST') {
    const form = new URLSearchParams(await readBody(ctx.req));
    const login = form.get('login') ?? '';
    if (accounts[login] && form.get('password') === password) {
      return provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    ctx.status = 200;
    ctx.type = 'html';
    ctx.body = loginPage(ctx.path, 'Unknown login name or wrong password.');
    return undefined;
  }
  ctx.type = 'html';
  ctx.body = loginPage(ctx.path);
  return undefined;
}

function loginPage(action, error) {
  const rows = Object.entries(accounts).map(([login, a]) => `<li><code>${login}</code>: ${a.role}${a.teryt ? ` (TERYT ${a.teryt})` : ''}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in: local test provider</title></head><body><main>
<h1>Sign in</h1>${error ? `<p role="alert" id="error">${error}</p>` : ''}
<form method="post" action="${action}">
<p><label for="login">Login name</label> <input id="login" name="login" autocomplete="username" required autofocus></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p></form>
<h2>Test accounts (password: <code>${password}</code>)</h2><ul>${rows}</ul></main></body></html>`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; if (body.length > 10000) req.destroy(); });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const keyFile = option('--key-file')[0];
if (keyFile && existsSync(keyFile)) {
  keys.unshift(JSON.parse(readFileSync(keyFile, 'utf8')));
} else {
  keys.unshift(newKey());
  if (keyFile) writeFileSync(keyFile, JSON.stringify(keys[0]), { mode: 0o600 });
}
let current = build();
let handler = current.callback();
let jwksRequests = 0;

const server = createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (path === '/test-admin/rotate-keys' && req.method === 'POST') {
    // The provider reads its keys once; a rotation is a new instance over the same in-memory store (sessions, grants and
    // tokens survive), as a real provider is restarted with the new key first and the old ones kept for verification.
    keys.unshift(newKey());
    current = build();
    handler = current.callback();
    return json(res, { kid: keys[0].kid, kids: keys.map((k) => k.kid) });
  }
  if (path === '/test-admin/stats' && req.method === 'GET') {
    return json(res, { jwksRequests, kids: keys.map((k) => k.kid) });
  }
  if (path === '/jwks') jwksRequests += 1;
  return handler(req, res);
});

function json(res, body) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

server.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider ready ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
