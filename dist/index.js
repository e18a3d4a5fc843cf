import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   N2: () => (/* binding */ DurationError),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export MAX_DURATION_MS */
// Durations as workflow authors write them: `500ms`, `45s`, `90m`, `1h30m`, `1.5s`, or a bare number of seconds.
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const UNIT_ORDER = ['h', 'm', 's', 'ms'];
/** Node's timers cannot wait longer than this (about 24.8 days); a longer wait would fire at once. */
const MAX_DURATION_MS = 2 ** 31 - 1;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
// `ms` must be tried before `m`, or `500ms` would read as 500 minutes followed by garbage.
const COMPONENT = /(\d+(?:\.\d+)?)\s*(ms|h|m|s)\s*/y;
const HOW_TO = 'write a number followed by ms, s, m or h, such as 500ms, 45s, 90m or 1h30m (a bare number is seconds)';
/** Its message is one sentence that begins with the text, quoted, so callers can prefix what it was for. */
class DurationError extends Error {
    text;
    constructor(text, problem) {
        super(`"${text}" is not a valid duration: ${problem}.`);
        this.text = text;
        this.name = 'DurationError';
    }
}
/**
 * Parses a duration into milliseconds, rounded to the nearest millisecond. Decimals are allowed (`1.5s`); units are
 * case-insensitive, may be separated by spaces (`1h 30m`) and must each appear at most once, largest first.
 * Throws a DurationError; callers that allow an empty value must handle it first.
 */
function parseDuration(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new DurationError(trimmed, `it is empty; ${HOW_TO}`);
    if (trimmed.startsWith('-'))
        throw new DurationError(trimmed, `it is negative; ${HOW_TO}`);
    const ms = Math.round(BARE_NUMBER.test(trimmed) ? Number(trimmed) * UNIT_MS.s : sumComponents(trimmed));
    if (ms > MAX_DURATION_MS) {
        throw new DurationError(trimmed, 'it is too long, the longest supported being 24 days (576h)');
    }
    return ms;
}
function sumComponents(text) {
    const lower = text.toLowerCase();
    COMPONENT.lastIndex = 0;
    let total = 0;
    let previousRank = -1;
    while (COMPONENT.lastIndex < lower.length) {
        const start = COMPONENT.lastIndex;
        const match = COMPONENT.exec(lower);
        if (!match) {
            // When it stopped inside a word, quote the whole word: `minutes`, not the `inutes` after an `m` it took for a
            // unit.
            const insideWord = /^[a-z]/i.test(text.slice(start));
            const wordStart = insideWord ? (/[a-z]*$/i.exec(text.slice(0, start))?.[0] ?? '') : '';
            const rest = (wordStart + text.slice(start)).trim();
            const problem = start === 0 ? HOW_TO : `"${rest}" does not read as a number and a unit; ${HOW_TO}`;
            throw new DurationError(text, problem);
        }
        const unit = match[2];
        const rank = UNIT_ORDER.indexOf(unit);
        if (rank <= previousRank) {
            throw new DurationError(text, 'each unit may appear once, largest first (h, m, s, ms), as in 1h30m');
        }
        previousRank = rank;
        total += Number(match[1]) * UNIT_MS[unit];
    }
    return total;
}
/** A short human form for summaries: `450ms`, `12s`, `1m 05s`, `2h 03m`. Negative or non-finite input reads as 0. */
function formatDuration(ms) {
    const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const wholeMs = Math.round(safe);
    if (wholeMs < 1000)
        return `${wholeMs}ms`;
    const totalSeconds = Math.round(safe / 1000);
    if (totalSeconds < 60)
        return `${totalSeconds}s`;
    if (totalSeconds < 3600) {
        return `${Math.floor(totalSeconds / 60)}m ${pad(totalSeconds % 60)}s`;
    }
    const totalMinutes = Math.floor(totalSeconds / 60);
    return `${Math.floor(totalMinutes / 60)}h ${pad(totalMinutes % 60)}m`;
}
function pad(n) {
    return String(n).padStart(2, '0');
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8069);

// The whole action lives in run(); this file only starts it, so tests can import run() without side effects.
await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8069:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// NAMESPACE OBJECT: ./src/github/workflow-commands.ts
var workflow_commands_namespaceObject = {};
__nccwpck_require__.r(workflow_commands_namespaceObject);
__nccwpck_require__.d(workflow_commands_namespaceObject, {
  debug: () => (debug),
  error: () => (error),
  getInput: () => (getInput),
  getState: () => (getState),
  info: () => (info),
  notice: () => (notice),
  saveState: () => (saveState),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  warning: () => (warning)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/github/workflow-commands.ts
// The runner's side of GitHub's workflow commands, as documented for action authors: `::command key=value::message`
// lines on stdout, and `name<<delimiter` entries appended to the GITHUB_OUTPUT and GITHUB_STATE files.
//
// Written here rather than imported from @actions/core because that package loads its OIDC client, and with it
// @actions/http-client and undici, on every start: most of a megabyte evaluated before the first request, for
// eleven small functions.


// The runner decodes these in a message; `:` and `,` also end a property value.
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/**
 * Appends `name<<delimiter` … to a runner file. What keeps a value from ending its entry early is the check that it
 * does not hold the delimiter, so the delimiter needs to be unlikely, not secret: no cryptographic generator (and
 * its module, milliseconds to load) is needed for it.
 */
function appendKeyValue(file, name, value) {
    const delimiter = `ghadelimiter_${randomHex()}${randomHex()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`The value of ${name} cannot be written to the runner: it holds its own delimiter.`);
    }
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
function randomHex() {
    return Math.floor(Math.random() * 2 ** 52)
        .toString(16)
        .padStart(13, '0');
}
/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function saveState(name, value) {
    const file = process.env.GITHUB_STATE;
    if (file)
        appendKeyValue(file, name, value);
    else
        issue('save-state', value, { name });
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (file)
        appendKeyValue(file, name, value);
    else {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issue('set-output', value, { name });
    }
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issue('debug', message);
}
function notice(message, properties = {}) {
    issue('notice', message, { ...properties });
}
function warning(message, properties = {}) {
    issue('warning', message, { ...properties });
}
function error(message, properties = {}) {
    issue('error', message, { ...properties });
}
/** Asks the runner to mask the value in every later line of the log. */
function setSecret(value) {
    issue('add-mask', value);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/action/version.ts
// A constant rather than a read of package.json: the action runs as a single ncc bundle, where package.json is not
// beside it. A test keeps the two in step.
const ACTION_VERSION = '0.1.0';
const ACTION_NAME = 'pulumi-deployments-action';
/** `pulumi-deployments-action/<version>`, the User-Agent this action sends to Pulumi Cloud. */
function defaultUserAgent() {
    return `${ACTION_NAME}/${ACTION_VERSION}`;
}

// EXTERNAL MODULE: ./src/pulumi/create.ts
var create = __nccwpck_require__(4476);
// EXTERNAL MODULE: ./src/pulumi/errors.ts
var errors = __nccwpck_require__(9863);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(9783);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./src/pulumi/encoding.ts
// Pulumi Cloud compresses an answer when asked (Pulumi's CLI asks: log pages are large and compress well). The body
// is decoded here, whatever transport carried it, so a compressed answer reads the same as a plain one.

/** The headers every request to Pulumi Cloud carries: the documented API version, and gzip. */
const PULUMI_ACCEPT_HEADERS = {
    // The REST documentation's version. The CLI sends +9, which changes how secret values come back; not that.
    Accept: 'application/vnd.pulumi+8',
    'Accept-Encoding': 'gzip'
};
/** The body as text, undone of its Content-Encoding; undefined when it cannot be decoded (cut short, corrupt). */
function decodeBody(raw, contentEncoding) {
    const encoding = (Array.isArray(contentEncoding) ? contentEncoding[0] : contentEncoding)
        ?.trim()
        .toLowerCase();
    try {
        if (encoding === 'gzip' || encoding === 'x-gzip')
            return (0,external_node_zlib_.gunzipSync)(raw).toString('utf8');
        if (encoding === 'deflate')
            return (0,external_node_zlib_.inflateSync)(raw).toString('utf8');
    }
    catch {
        return undefined;
    }
    // No encoding, `identity`, or one never asked for: taken as it came.
    return raw.toString('utf8');
}

;// CONCATENATED MODULE: ./src/pulumi/http.ts



// Errors raised before a connection exists: the request never left the runner.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MAX_REDIRECTS = 5;
// An idle connection is closed before the usual 5 s a server keeps one, so no read goes out on a closing socket.
const IDLE_CONNECTION_MS = 4_000;
/**
 * Sends one request and reads the whole body. `timeoutMs` bounds the whole exchange in real time, body included: a
 * socket that trickles bytes forever must not hold the action. Redirects are followed as the runner's own HTTP
 * client follows them: never from https to http, and without the token once the host changes.
 */
async function sendOnce(request, userAgent, timeoutMs, signal) {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, timeoutMs);
    try {
        let url = new URL(request.url);
        let headers = { ...request.headers, 'user-agent': userAgent };
        for (let redirects = 0;; redirects++) {
            const message = await exchange(url, request, headers, controller.signal);
            const next = redirectTarget(message, url, redirects);
            if (next) {
                message.resume();
                if (next.host !== url.host)
                    headers = withoutAuthorization(headers);
                url = next;
                continue;
            }
            const { body, complete } = await readBody(message);
            if (signal?.aborted)
                throw signal.reason;
            if (timedOut)
                return { kind: 'timeout', afterMs: timeoutMs };
            return { kind: 'response', status: message.statusCode ?? 0, headers: message.headers, body, complete };
        }
    }
    catch (error) {
        if (signal?.aborted)
            throw signal.reason;
        if (timedOut)
            return { kind: 'timeout', afterMs: timeoutMs };
        const code = errorCode(error);
        return { kind: 'network', notSent: NOT_SENT_CODES.has(code), code };
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', forwardAbort);
    }
}
/** Where a redirect leads, when it is one to follow; otherwise the 3xx is the answer. */
function redirectTarget(message, from, redirects) {
    const status = message.statusCode ?? 0;
    const location = message.headers.location;
    if (status < 300 || status >= 400 || !location || redirects >= MAX_REDIRECTS)
        return undefined;
    const next = new URL(location, from);
    return from.protocol === 'https:' && next.protocol !== 'https:' ? undefined : next;
}
function withoutAuthorization(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}
// Reads reuse a kept-alive connection, so polling costs no new TCP and TLS handshake each time. Writes go on a
// fresh one: a pooled socket the server has just closed must never make a create's fate uncertain.
const keepAlive = {};
async function agentFor(url, method) {
    if ((0,proxy/* getProxyUrl */.s)(url)?.hostname)
        return proxyAgent(url);
    if (method !== 'GET')
        return false;
    const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS };
    if (url.protocol !== 'https:')
        return (keepAlive.http ??= new external_node_http_.Agent(options));
    // node:https (and TLS with it) is loaded on the first https request, not on every start.
    keepAlive.https ??= new (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23))).Agent(options);
    return keepAlive.https;
}
// Only behind a proxy: the tunnel is built by the runner's own HTTP client, as for the rest of the runner's tools,
// loaded only then because it brings undici, most of a megabyte, with it.
async function proxyAgent(url) {
    const { HttpClient } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(779)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2779));
    return new HttpClient().getAgent(url.toString());
}
async function exchange(url, request, headers, signal) {
    const agent = await agentFor(url, request.method);
    const send = url.protocol === 'https:' ? (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23))).request : external_node_http_.request;
    const body = request.body;
    const outgoing = body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) };
    return new Promise((resolve, reject) => {
        const req = send(url, { method: request.method, headers: outgoing, agent, signal }, resolve);
        req.once('error', reject);
        req.end(body);
    });
}
// A response's 'end' never comes when the connection drops mid-body: this settles on 'close' too and says whether
// the body arrived whole (a compressed body that does not decode did not).
function readBody(message) {
    return new Promise(resolve => {
        const chunks = [];
        let settled = false;
        const settle = () => {
            if (settled)
                return;
            settled = true;
            const body = decodeBody(Buffer.concat(chunks), message.headers['content-encoding']);
            resolve({ body: body ?? '', complete: message.complete && body !== undefined });
        };
        message.on('data', (chunk) => chunks.push(chunk));
        message.on('end', settle);
        message.on('error', settle);
        message.on('close', settle);
    });
}
function errorCode(error) {
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
        return error.code;
    return 'ECONNRESET';
}
/** `https://api.example.com/` + `/api/...`, keeping any path prefix of the base URL. */
function joinUrl(baseUrl, path, query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
        if (value !== undefined)
            params.set(key, String(value));
    }
    const search = params.toString();
    return `${baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}
/** `/api/stacks/{org}/{project}/{stack}/deployments` plus more segments, each one URL-encoded. */
function stackDeploymentsPath(stack, ...segments) {
    return encodePath('api', 'stacks', stack.org, stack.project, stack.stack, 'deployments', ...segments);
}
function orgDeploymentsPath(org, ...segments) {
    return encodePath('api', 'orgs', org, 'deployments', ...segments);
}
function encodePath(...segments) {
    return segments.map(s => `/${encodeURIComponent(String(s))}`).join('');
}
/** The console page of a deployment: the API host with `api.` replaced by `app.`, else the base URL's origin. */
function deploymentConsoleUrl(baseUrl, stack, version) {
    const url = new URL(baseUrl);
    const origin = url.hostname.startsWith('api.')
        ? `${url.protocol}//app.${url.host.slice('api.'.length)}`
        : url.origin;
    return `${origin}${encodePath(stack.org, stack.project, stack.stack, 'deployments', version)}`;
}

;// CONCATENATED MODULE: ./src/pulumi/oidc.ts
// Exchanging the job's GitHub OIDC token for a Pulumi access token (RFC 8693 token exchange), as
// pulumi/auth-actions does: POST /api/oauth/token, with no Authorization header (spec/results-openapi.json,
// spec/WIRE-NOTES.md Turn 2).

const TOKEN_EXCHANGE_PATH = '/api/oauth/token';
const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const PULUMI_TOKEN_TYPE_PREFIX = 'urn:pulumi:token-type:access_token:';
/** The Pulumi access token, or a PulumiApiError whose message is one sentence naming the org and the token type. */
async function exchangeIdToken(client, o) {
    const request = {
        audience: o.audience,
        grant_type: TOKEN_EXCHANGE_GRANT,
        subject_token: o.idToken,
        subject_token_type: ID_TOKEN_TYPE,
        requested_token_type: `${PULUMI_TOKEN_TYPE_PREFIX}${o.tokenType}`,
        ...(o.scope !== undefined ? { scope: o.scope } : {}),
        expiration: o.expirationSeconds
    };
    let answer;
    try {
        answer = await client.exchangeToken(request, { signal: o.signal });
    }
    catch (error) {
        throw refusal(error, o) ?? error;
    }
    const token = answer?.access_token;
    // Hostile until checked: it becomes a header value and a mask, so it must be one printable word.
    if (typeof token !== 'string' || !/^[\x21-\x7e]{8,4096}$/.test(token)) {
        throw new errors/* PulumiApiError */.zV(`Pulumi Cloud answered the exchange of this job's GitHub OIDC token for ${what(o)} without a usable ` +
            "access token; run the job again, and check Pulumi Cloud's status if it keeps happening.", { status: 200, method: 'POST', path: TOKEN_EXCHANGE_PATH, retryable: true, attempts: 1 });
    }
    const expiresIn = answer.expires_in;
    return { token, expiresIn: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : undefined };
}
/** `an organization token of acme`, `a team token of acme (team:platform)`. */
function what(o) {
    const article = /^[aeiou]/.test(o.tokenType) ? 'an' : 'a';
    return `${article} ${o.tokenType} token of the organization ${o.org}${o.scope ? ` (scope ${o.scope})` : ''}`;
}
// A 4xx other than 429 is Pulumi Cloud saying no ({error, error_description}); anything else (5xx, network,
// timeout) keeps the client's own sentence, which says to try again.
function refusal(error, o) {
    if (!(error instanceof errors/* PulumiApiError */.zV) || error.status < 400 || error.status >= 500 || error.status === 429)
        return undefined;
    const said = error.serverMessage?.split(o.idToken).join('***');
    return new errors/* PulumiApiError */.zV(`Pulumi Cloud refused to exchange this job's GitHub OIDC token for ${what(o)} (HTTP ${error.status}` +
        `${said ? `: ${said.replace(/\.$/, '')}` : ''}); check that ${o.org} trusts GitHub as an OIDC issuer ` +
        '(Settings → Access Management → OIDC Issuers) with a policy that lets this repository get that token, and ' +
        'that `oidc-token-type` and `oidc-scope` ask for it.', {
        status: error.status,
        method: error.method,
        path: error.path,
        serverMessage: said,
        retryable: false,
        attempts: error.attempts
    });
}

;// CONCATENATED MODULE: ./src/pulumi/retry.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};
const DEFAULT_RETRY = {
    maxAttempts: 5,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxElapsedMs: 120_000,
    maxRetryAfterMs: 60_000
};
/**
 * Counts attempts and elapsed time for one call. `nextDelay` answers how long to wait before the next attempt, or
 * undefined when the attempts or the time are used up.
 */
class RetryBudget {
    policy;
    clock;
    random;
    attempts = 0;
    started;
    constructor(policy, clock, random) {
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.started = clock.now();
    }
    /** Call once per attempt sent; returns its number, starting at 1. */
    countAttempt() {
        this.attempts += 1;
        return this.attempts;
    }
    get attemptsMade() {
        return this.attempts;
    }
    nextDelay(retryAfterMs) {
        if (this.attempts >= this.policy.maxAttempts)
            return undefined;
        const delay = retryAfterMs !== undefined
            ? Math.min(Math.max(retryAfterMs, 0), this.policy.maxRetryAfterMs)
            : this.backoff();
        if (this.clock.now() - this.started + delay > this.policy.maxElapsedMs)
            return undefined;
        return delay;
    }
    // Exponential with full jitter: a uniformly random wait up to the exponential ceiling, so runners that failed
    // together do not retry together.
    backoff() {
        const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** Math.max(this.attempts - 1, 0));
        return Math.floor(this.random() * ceiling);
    }
}
/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(date - nowMs, 0);
}

;// CONCATENATED MODULE: ./src/pulumi/response.ts

/** Sorts what one attempt produced into a value or a failure. `token` is removed from any server message. */
function interpretOutcome(outcome, expectJson, token, nowMs) {
    if (outcome.kind === 'network' || outcome.kind === 'timeout')
        return { ok: false, failure: outcome };
    const { status, body, complete } = outcome;
    if (status >= 200 && status < 300) {
        // A write that answered 2xx has happened, whatever became of its (unused) body.
        if (!expectJson)
            return { ok: true, value: undefined };
        if (!complete)
            return { ok: false, failure: { kind: 'bad-body', status } };
        try {
            return { ok: true, value: JSON.parse(body) };
        }
        catch {
            return { ok: false, failure: { kind: 'bad-body', status } };
        }
    }
    const failure = {
        kind: 'status',
        status,
        serverMessage: serverMessage(body, token),
        retryAfterMs: parseRetryAfter(outcome.headers['retry-after'], nowMs),
        requestId: requestId(outcome.headers['x-pulumi-request-id'])
    };
    return { ok: false, failure };
}
// Pulumi's error bodies are {"code": N, "message": "..."}, its OAuth endpoint's {"error", "error_description"};
// gateways may send HTML, which is not worth showing.
function serverMessage(body, token) {
    let message;
    try {
        const parsed = JSON.parse(body);
        message = parsed?.message ?? oauthError(parsed);
    }
    catch {
        return undefined;
    }
    if (typeof message !== 'string' || !message.trim())
        return undefined;
    const clean = token ? message.split(token).join('***') : message;
    return clean.trim().slice(0, 500);
}
// A hostile or broken server could send anything here: only an ID-like token is repeated to the user.
function requestId(header) {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    return value && /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : undefined;
}
function oauthError(body) {
    const code = typeof body?.error === 'string' ? body.error : undefined;
    const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
    if (code && description)
        return `${description.replace(/\.$/, '')} (${code})`;
    return description ?? code;
}

;// CONCATENATED MODULE: ./src/pulumi/client.ts











const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const SEGMENT = /^[A-Za-z0-9._-]+$/;
/** `org/project/stack`, each part letters, digits, `.`, `_` or `-`; undefined otherwise. */
function parseStackRef(s) {
    const parts = s.trim().split('/');
    if (parts.length !== 3 || !parts.every(p => SEGMENT.test(p)))
        return undefined;
    const [org = '', project = '', stack = ''] = parts;
    return { org, project, stack };
}
/** A typed client for the Pulumi Cloud Deployments REST API. */
class PulumiCloudClient {
    baseUrl;
    token;
    userAgent;
    clock;
    policy;
    random;
    timeoutMs;
    onRetry;
    onWarning;
    warned = new Set();
    sent = 0;
    constructor(opts) {
        let parsed;
        try {
            parsed = new URL(opts.baseUrl);
        }
        catch {
            parsed = undefined;
        }
        if (!parsed || !/^https?:$/.test(parsed.protocol)) {
            throw new Error(`The Pulumi Cloud URL "${opts.baseUrl}" is not an http(s) URL; use one like https://api.pulumi.com.`);
        }
        this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
        this.token = opts.token;
        this.userAgent = opts.userAgent ?? defaultUserAgent();
        this.clock = opts.clock ?? systemClock;
        this.policy = { ...DEFAULT_RETRY, ...opts.retry };
        this.random = opts.random ?? Math.random;
        this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        this.onRetry = opts.onRetry ?? (() => undefined);
        this.onWarning = opts.onWarning ?? (() => undefined);
    }
    /** Requests sent so far, every retry and look-up included. */
    get requestCount() {
        return this.sent;
    }
    getSettings(stack, o) {
        return this.call({ ...this.settings(stack, 'GET', 'read the deployment settings'), retry: 'read' }, o);
    }
    /** Merges `patch` into the stack's settings; a `null` removes a property (see the API's merge rules). */
    patchSettings(stack, patch, o) {
        return this.call({ ...this.settings(stack, 'POST', 'update the deployment settings'), body: patch }, o);
    }
    replaceSettings(stack, settings, o) {
        return this.call({ ...this.settings(stack, 'PUT', 'replace the deployment settings'), body: settings }, o);
    }
    async clearSettings(stack, o) {
        await this.call({ ...this.settings(stack, 'DELETE', 'clear the deployment settings'), expectJson: false }, o);
    }
    /**
     * Never starts two deployments for one call: after a failure the server may have acted on, the stack's recent
     * deployments are read first. `recovered` is set when the deployment was found that way.
     */
    createDeployment(stack, request, o) {
        const spec = {
            method: 'POST',
            path: stackDeploymentsPath(stack),
            body: request,
            // No X-Pulumi-Deployment-Initiator: the only value a Pulumi client is known to send is the CLI's
            // `automation-api`, and a value the service refused would fail every create.
            expectJson: true,
            retry: 'unprocessed',
            action: `create ${/^[aeiou]/.test(request.operation) ? 'an' : 'a'} ${request.operation} deployment`,
            subject: 'stack',
            stackRef: stack
        };
        return (0,create/* createWithoutDuplicates */.dw)({
            clock: this.clock,
            budget: this.budget(),
            sendCreate: signal => this.attempt(spec, signal),
            listRecent: (page, pageSize, signal) => this.listStackDeployments(stack, { page, pageSize, asc: false }, { signal }),
            getDeployment: (id, signal) => this.getDeployment(stack, id, { signal }),
            notifyRetry: (attempt, delayMs, reason) => this.onRetry({ method: 'POST', path: spec.path, attempt, delayMs, reason }),
            fail: (failure, attempts) => (0,errors/* apiError */.pb)(failure, this.context(spec), attempts),
            consoleUrl: version => deploymentConsoleUrl(this.baseUrl, stack, version)
        }, stack, request, o?.signal);
    }
    getDeployment(stack, id, o) {
        return this.call(this.deploymentRead(stack, id, [id], 'read the deployment'), o);
    }
    getDeploymentByVersion(stack, version, o) {
        return this.call(this.deploymentRead(stack, `version ${version}`, ['version', version], 'read the deployment'), o);
    }
    listStackDeployments(stack, q, o) {
        return this.call({
            ...this.stackRead(stack, stackDeploymentsPath(stack), 'list the deployments'),
            query: listQuery(q)
        }, o);
    }
    listOrgDeployments(org, q, o) {
        return this.call({ ...this.orgCall(org, 'GET', [], 'list the deployments'), query: listQuery(q) }, o);
    }
    /** Streaming mode: pass the previous response's `nextToken`; the log is complete when one has none. */
    streamLogs(stack, id, continuationToken, o) {
        return this.call({
            ...this.deploymentRead(stack, id, [id, 'logs'], 'read the deployment log'),
            query: { continuationToken }
        }, o);
    }
    stepLogs(stack, id, q, o) {
        const query = { job: q.job, step: q.step, offset: q.offset, count: q.count };
        return this.call({ ...this.deploymentRead(stack, id, [id, 'logs'], 'read the step log'), query }, o);
    }
    getDeploymentUpdates(stack, id, o) {
        return this.call(this.deploymentRead(stack, id, [id, 'updates'], 'list the updates of the deployment'), o);
    }
    getStackMetadata(stack, o) {
        return this.call(this.stackRead(stack, stackDeploymentsPath(stack, 'metadata'), 'read the deployments metadata'), o);
    }
    async pauseStack(stack, o) {
        await this.call(this.stackWrite(stack, ['pause'], 'pause deployments'), o);
    }
    async resumeStack(stack, o) {
        await this.call(this.stackWrite(stack, ['resume'], 'resume deployments'), o);
    }
    getOrgMetadata(org, o) {
        return this.call(this.orgCall(org, 'GET', ['metadata'], 'read the deployments metadata'), o);
    }
    async pauseOrg(org, o) {
        await this.call(this.orgCall(org, 'POST', ['pause'], 'pause deployments'), o);
    }
    async resumeOrg(org, o) {
        await this.call(this.orgCall(org, 'POST', ['resume'], 'resume deployments'), o);
    }
    /**
     * Exchanges a GitHub OIDC token for a Pulumi access token. Retried only when Pulumi Cloud provably did not act:
     * the ID token is the credential, and it is not sent around more than needed.
     */
    exchangeToken(request, o) {
        const org = request.audience.replace(/^urn:pulumi:org:/, '');
        return this.call({
            method: 'POST',
            path: TOKEN_EXCHANGE_PATH,
            body: request,
            expectJson: true,
            retry: 'unprocessed',
            action: "exchange this job's GitHub OIDC token for a Pulumi access token",
            subject: 'org',
            org,
            anonymous: true
        }, o);
    }
    async cancelDeployment(stack, id, o) {
        await this.call({
            ...this.deploymentRead(stack, id, [id, 'cancel'], 'cancel the deployment'),
            method: 'POST',
            expectJson: false,
            retry: 'unprocessed'
        }, o);
    }
    settings(stack, method, action) {
        return {
            method,
            path: stackDeploymentsPath(stack, 'settings'),
            expectJson: true,
            retry: 'unprocessed',
            action,
            subject: 'stack',
            stackRef: stack
        };
    }
    stackRead(stack, path, action) {
        return { method: 'GET', path, expectJson: true, retry: 'read', action, subject: 'stack', stackRef: stack };
    }
    stackWrite(stack, segments, action) {
        const path = stackDeploymentsPath(stack, ...segments);
        return {
            method: 'POST',
            path,
            expectJson: false,
            retry: 'unprocessed',
            action,
            subject: 'stack',
            stackRef: stack
        };
    }
    deploymentRead(stack, deployment, segments, action) {
        const path = stackDeploymentsPath(stack, ...segments);
        return {
            method: 'GET',
            path,
            expectJson: true,
            retry: 'read',
            action,
            subject: 'deployment',
            stackRef: stack,
            deployment
        };
    }
    orgCall(org, method, segments, action) {
        const path = orgDeploymentsPath(org, ...segments);
        const retry = method === 'GET' ? 'read' : 'unprocessed';
        return { method, path, expectJson: method === 'GET', retry, action, subject: 'org', org };
    }
    budget() {
        return new RetryBudget(this.policy, this.clock, this.random);
    }
    context(spec) {
        const { method, path, action, subject, stackRef, org, deployment } = spec;
        return { method, path, action, subject, stackRef, org, deployment, baseUrl: this.baseUrl };
    }
    async call(spec, o) {
        const budget = this.budget();
        for (;;) {
            o?.signal?.throwIfAborted();
            const attempt = budget.countAttempt();
            const result = await this.attempt(spec, o?.signal);
            if (result.ok)
                return result.value;
            const { failure } = result;
            const delay = shouldRetry(spec.retry, failure)
                ? budget.nextDelay(failure.kind === 'status' ? failure.retryAfterMs : undefined)
                : undefined;
            if (delay === undefined)
                throw (0,errors/* apiError */.pb)(failure, this.context(spec), attempt);
            const untilDeadline = o?.deadline === undefined ? Infinity : o.deadline - this.clock.now();
            if (delay > untilDeadline) {
                if (untilDeadline > 0)
                    await this.clock.sleep(untilDeadline, o?.signal);
                throw (0,errors/* apiError */.pb)(failure, this.context(spec), attempt);
            }
            this.onRetry({
                method: spec.method,
                path: spec.path,
                attempt,
                delayMs: delay,
                reason: (0,errors/* describeFailure */.Ic)(failure)
            });
            await this.clock.sleep(delay, o?.signal);
        }
    }
    /** One request, its answer sorted into a value or a failure. */
    async attempt(spec, signal) {
        const headers = {
            ...PULUMI_ACCEPT_HEADERS,
            ...(spec.anonymous ? {} : { Authorization: `token ${this.token}` }),
            ...spec.headers
        };
        let body;
        if (spec.body !== undefined) {
            body = JSON.stringify(spec.body);
            headers['Content-Type'] = 'application/json';
        }
        else if (spec.method !== 'GET') {
            // An empty string makes the request carry Content-Length: 0 instead of a chunked empty body.
            body = '';
        }
        this.sent += 1;
        const outcome = await sendOnce({ method: spec.method, url: joinUrl(this.baseUrl, spec.path, spec.query), headers, body }, this.userAgent, this.timeoutMs, signal);
        if (outcome.kind === 'response')
            this.passOnWarning(outcome.headers['x-pulumi-warning']);
        return interpretOutcome(outcome, spec.expectJson, this.token, this.clock.now());
    }
    // The service says a warning on every answer while it holds (a deprecation, say): it is said once.
    passOnWarning(header) {
        const text = (Array.isArray(header) ? header.join(' ') : header)?.trim();
        if (!text || this.warned.has(text))
            return;
        this.warned.add(text);
        this.onWarning(text.slice(0, 1000));
    }
}
function shouldRetry(retry, failure) {
    if (retry === 'read')
        return (0,errors/* isRetryableFailure */.hy)(failure);
    if (failure.kind === 'network')
        return failure.notSent;
    return failure.kind === 'status' && (failure.status === 429 || failure.status === 503);
}
function listQuery(q) {
    return { page: q?.page, pageSize: q?.pageSize, asc: q?.asc, status: q?.status };
}

// EXTERNAL MODULE: ./src/pulumi/types.ts
var types = __nccwpck_require__(4203);
;// CONCATENATED MODULE: ./src/github/commit-pin.ts
/**
 * Whether resolveCommitPin needs the stack's deployment settings, so the orchestrator can skip fetching them when the
 * request's own settings decide, the mode is not auto, or the stack's settings are not inherited.
 */
function needsStackSettings(mode, requestSettings, inheritSettings) {
    if (mode.mode !== 'auto' || !inheritSettings)
        return false;
    if (explicitGitChoice(requestSettings) !== undefined || hasNonGitSource(requestSettings))
        return false;
    return repoUrlOf(requestSettings?.sourceContext?.git) === undefined;
}
function resolveCommitPin(mode, ctx, requestSettings, stackSettings, inheritSettings) {
    if (mode.mode === 'none')
        return { reason: 'Not pinning a commit: the `commit` input is `none`.' };
    if (mode.mode === 'sha') {
        return {
            commit: mode.sha,
            reason: `Pinning the deployment to commit ${commit_pin_short(mode.sha)}, from the \`commit\` input.`
        };
    }
    const explicit = explicitGitChoice(requestSettings);
    if (explicit !== undefined) {
        return {
            reason: `Not pinning a commit: the \`settings\` input chooses \`sourceContext.git.${explicit}\` itself.`
        };
    }
    if (hasNonGitSource(requestSettings)) {
        return {
            reason: 'Not pinning a commit: the `settings` input gives the deployment a source that is not git.'
        };
    }
    const source = effectiveSource(requestSettings, inheritSettings ? stackSettings : undefined);
    if (source === undefined) {
        const notInherited = inheritSettings
            ? ''
            : " (and `inherit-settings` is false, so the stack's own are not used)";
        return {
            reason: 'Not pinning a commit: the deployment settings name no git repository (no `sourceContext.git.repoUrl` ' +
                `and no \`gitHub.repository\`)${notInherited}.`
        };
    }
    const sourceName = source.kind === 'url' ? source.url : source.repository;
    if (ctx.repository === undefined) {
        return {
            reason: "Not pinning a commit: GITHUB_REPOSITORY is not set, so this workflow's repository is unknown."
        };
    }
    const same = source.kind === 'url'
        ? sameRepository(source.url, ctx.repository, ctx.serverUrl)
        : equalIgnoringCase(source.repository, ctx.repository);
    if (!same) {
        return {
            reason: `Not pinning a commit: the deployment's source repository ${sourceName} is not this workflow's repository ${ctx.repository}.`
        };
    }
    return pinEventCommit(ctx, ctx.repository);
}
function pinEventCommit(ctx, repository) {
    const pullRequest = ctx.pullRequest;
    if (pullRequest !== undefined) {
        // A fork's head is code from outside the repository; on pull_request_target it would run with the base
        // repository's secrets and deployment credentials. Pinning it must be a deliberate `commit:` choice.
        if (pullRequest.headRepo === undefined || !equalIgnoringCase(pullRequest.headRepo, repository)) {
            const fork = pullRequest.headRepo ?? 'a fork that no longer exists';
            return {
                reason: `Not pinning a commit: pull request #${pullRequest.number} comes from ${fork}, and deploying its head would ` +
                    'run code from outside this repository; set the `commit` input to its SHA if you trust it.'
            };
        }
        return {
            commit: pullRequest.headSha,
            reason: `Pinning the deployment to commit ${commit_pin_short(pullRequest.headSha)}, the head of pull request #${pullRequest.number}.`
        };
    }
    if (ctx.sha === undefined) {
        return {
            reason: 'Not pinning a commit: GITHUB_SHA is not set, so the commit that triggered this workflow is unknown.'
        };
    }
    const event = ctx.eventName === undefined ? '' : ` (${ctx.eventName})`;
    return {
        commit: ctx.sha,
        reason: `Pinning the deployment to commit ${commit_pin_short(ctx.sha)}, the commit that triggered this workflow${event}.`
    };
}
/**
 * The request's settings with `sourceContext.git.commit` set to the pin, beside `branch: ""`, exactly as Pulumi's
 * CLI sends a pinned `pulumi deployment run` (its Go struct has no omitempty): the service reads the empty branch as
 * "not set" and lets the commit replace an inherited one. `tag` is dropped, and an empty `repoUrl` is never sent
 * (it would read as "no repository"). Returns a copy; the input is never changed. Without a pin, a copy of the
 * settings as they were (an empty mapping for none).
 */
function applyCommitPin(settings, pin) {
    const copy = structuredClone(settings ?? {});
    if (pin.commit === undefined)
        return copy;
    const git = { ...copy.sourceContext?.git, branch: '', commit: pin.commit };
    delete git.tag;
    if (repoUrlOf(git) === undefined) {
        for (const key of Object.keys(git))
            if (key.toLowerCase() === 'repourl')
                delete git[key];
    }
    copy.sourceContext = { ...copy.sourceContext, git };
    return copy;
}
// The stack's settings are merged under the request's, key by key, so the request's repoUrl wins over the stack's,
// and a repoUrl (what is cloned) wins over gitHub.repository (the app integration's repository).
function effectiveSource(request, stack) {
    const url = repoUrlOf(request?.sourceContext?.git) ?? repoUrlOf(stack?.sourceContext?.git);
    if (url !== undefined)
        return { kind: 'url', url };
    const repository = nonEmptyString(request?.gitHub?.repository) ?? nonEmptyString(stack?.gitHub?.repository);
    return repository === undefined ? undefined : { kind: 'repository', repository };
}
// Older API pages and some responses spell it `repoURL`; the service reads the key case-insensitively.
function repoUrlOf(git) {
    if (git === undefined)
        return undefined;
    const key = Object.keys(git).find(k => k.toLowerCase() === 'repourl');
    return key === undefined ? undefined : nonEmptyString(git[key]);
}
function explicitGitChoice(settings) {
    const git = settings?.sourceContext?.git;
    return ['commit', 'branch', 'tag'].find(key => git?.[key] !== undefined);
}
function hasNonGitSource(settings) {
    const source = settings?.sourceContext;
    return source?.hg !== undefined || source?.template !== undefined;
}
/**
 * Whether a git URL points at `owner/repo` on the workflow's GitHub host. Accepts https and http (with or without
 * credentials), `git@host:owner/repo.git`, `ssh://git@host[:port]/owner/repo.git`, `git://` and a bare
 * `host/owner/repo`; compares case-insensitively, ignoring a `.git` suffix, trailing slashes and ports.
 */
function sameRepository(repoUrl, repository, serverUrl) {
    const parsed = parseGitUrl(repoUrl.trim());
    if (parsed === undefined)
        return false;
    let serverHost;
    try {
        serverHost = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return false;
    }
    const hostMatches = [serverHost, `www.${serverHost}`, `ssh.${serverHost}`].includes(parsed.host);
    const path = parsed.path.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '');
    return hostMatches && equalIgnoringCase(path, repository);
}
const GIT_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:']);
function parseGitUrl(url) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        try {
            const parsed = new URL(url);
            if (!GIT_SCHEMES.has(parsed.protocol))
                return undefined;
            return { host: parsed.hostname.toLowerCase(), path: decodeURIComponent(parsed.pathname) };
        }
        catch {
            return undefined;
        }
    }
    const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(.+)$/.exec(url);
    if (scpLike)
        return { host: (scpLike[1] ?? '').toLowerCase(), path: scpLike[2] ?? '' };
    const slash = url.indexOf('/');
    if (slash <= 0)
        return undefined;
    return { host: url.slice(0, slash).toLowerCase(), path: url.slice(slash) };
}
function equalIgnoringCase(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function nonEmptyString(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function commit_pin_short(sha) {
    return sha.slice(0, 7);
}

;// CONCATENATED MODULE: ./src/github/context.ts
// The triggering event, read from the variables and the event payload file the runner provides. Read directly
// rather than through @actions/github's context so it can be driven by a plain environment object in tests.

/** Events whose payload carries the pull request this action comments on. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
function readEventContext(env = process.env, readFile = path => (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8')) {
    const serverUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com');
    const apiUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com');
    const repository = nonEmpty(env.GITHUB_REPOSITORY);
    const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
    const context = {
        repository,
        serverUrl,
        apiUrl,
        eventName,
        sha: nonEmpty(env.GITHUB_SHA),
        ref: nonEmpty(env.GITHUB_REF),
        actor: nonEmpty(env.GITHUB_ACTOR)
    };
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    if (repository !== undefined && runId !== undefined) {
        const attempt = Number(env.GITHUB_RUN_ATTEMPT);
        const attemptSuffix = Number.isInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : '';
        context.runUrl = `${serverUrl}/${repository}/actions/runs/${runId}${attemptSuffix}`;
    }
    const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
    if (eventName !== undefined && PULL_REQUEST_EVENTS.includes(eventName) && eventPath !== undefined) {
        context.pullRequest = readPullRequest(eventPath, readFile);
    }
    return context;
}
// A missing, unreadable or unexpected payload is not an error: the action still deploys, it just cannot pin the
// pull request's head or find the pull request to comment on, and the orchestrator says so.
function readPullRequest(eventPath, readFile) {
    let payload;
    try {
        payload = JSON.parse(readFile(eventPath));
    }
    catch {
        return undefined;
    }
    const pullRequest = field(payload, 'pull_request');
    const number = field(pullRequest, 'number');
    const headSha = field(field(pullRequest, 'head'), 'sha');
    if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0 || typeof headSha !== 'string') {
        return undefined;
    }
    const headRepo = field(field(field(pullRequest, 'head'), 'repo'), 'full_name');
    return { number, headSha, ...(typeof headRepo === 'string' ? { headRepo } : {}) };
}
/**
 * The pull request to comment on: `comment-on-pr-number` when set (whatever the event, and even when `comment-on-pr`
 * is false, because naming a number is the more specific request), else the triggering pull request when
 * `comment-on-pr` is true, else none.
 */
function pullRequestToComment(config, ctx) {
    if (config.commentOnPrNumber !== undefined)
        return config.commentOnPrNumber;
    return config.commentOnPr ? ctx.pullRequest?.number : undefined;
}
function field(value, key) {
    return value !== null && typeof value === 'object' ? value[key] : undefined;
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
function withoutTrailingSlash(url) {
    return url.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __nccwpck_require__(7840);
;// CONCATENATED MODULE: ./src/config/input-error.ts
/** A bad input: the step fails with `message`, a sentence naming the input, before any request is made. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
        this.name = 'InputError';
    }
}

;// CONCATENATED MODULE: ./src/config/stacks.ts

const STACK_PART = /^[A-Za-z0-9._-]+$/;
const STACK_PART_NAMES = ['organization', 'project', 'stack'];
const EXAMPLE = 'such as acme/web/dev';
/**
 * Every stack named by the input, in its order. Blank lines and `#` comments (a whole line, or after a space) are
 * left out; a stack named twice is refused, because two deployments of one stack would only queue behind each other.
 */
function parseStacks(value) {
    const lines = value.split(/\r?\n/);
    const named = lines
        .map((text, index) => ({ text: withoutComment(text).trim(), line: index + 1 }))
        .filter(entry => entry.text !== '');
    if (named.length === 0) {
        throw new InputError('stack', `The \`stack\` input is required: name the stack to deploy as org/project/stack, ${EXAMPLE}.`);
    }
    // One stack reads as it always did; several name the line, counted as the workflow file shows them.
    const several = named.length > 1 || lines.filter(l => l.trim() !== '').length > 1;
    const seen = new Map();
    return named.map(({ text, line }) => {
        const where = several ? `Line ${line} of the \`stack\` input, ` : 'The `stack` input ';
        const ref = parseStack(text, where);
        const name = `${ref.org}/${ref.project}/${ref.stack}`;
        const first = seen.get(name);
        if (first !== undefined) {
            throw new InputError('stack', `Line ${line} of the \`stack\` input names ${name} again (first on line ${first}): list each stack once.`);
        }
        seen.set(name, line);
        return { ref, name };
    });
}
function withoutComment(line) {
    const hash = line.search(/(^|\s)#/);
    return hash < 0 ? line : line.slice(0, hash);
}
/** `where` begins the sentence: "The `stack` input " or "Line 3 of the `stack` input, ". */
function parseStack(value, where) {
    const subject = `${where}"${value}"${where.endsWith(', ') ? ',' : ''}`;
    const parts = value.split('/');
    if (parts.length !== 3) {
        throw new InputError('stack', `${subject} has ${parts.length} part${parts.length === 1 ? '' : 's'}, but it must be ` +
            `org/project/stack (three parts separated by /), ${EXAMPLE}.`);
    }
    parts.forEach((part, i) => {
        const partName = STACK_PART_NAMES[i] ?? 'stack';
        if (part === '') {
            throw new InputError('stack', `${subject} has an empty ${partName} name: write org/project/stack, ${EXAMPLE}.`);
        }
        const badCharacter = [...part].find(character => !STACK_PART.test(character));
        if (badCharacter !== undefined) {
            throw new InputError('stack', `${subject} has ${JSON.stringify(badCharacter)} in its ${partName} name, but each part ` +
                'may hold only letters, digits, -, _ and .');
        }
        // `.` and `..` would be read as path steps in the API URL and address another resource.
        if (/^\.+$/.test(part)) {
            throw new InputError('stack', `${subject} has "${part}" as its ${partName} name, which is not a name: write the ` +
                `${partName}'s real name, as in org/project/stack, ${EXAMPLE}.`);
        }
    });
    const [org = '', project = '', stack = ''] = parts;
    return { org, project, stack };
}

;// CONCATENATED MODULE: ./src/config/credentials.ts
// How the action logs in to Pulumi Cloud: with a given token (`pulumi-access-token`, PULUMI_ACCESS_TOKEN), or with
// one exchanged for the job's GitHub OIDC token (`oidc-token-type`, `oidc-scope`, `oidc-expiration`). Checked up
// front like every input: a job that cannot get a GitHub OIDC token, or asks for a token Pulumi Cloud would never
// issue, fails before any request.


const OIDC_TOKEN_TYPES = ['organization', 'team', 'personal', 'runner'];
/** Without a `timeout`, the exchanged token lives this long. */
const OIDC_EXPIRATION_WITHOUT_TIMEOUT_MS = 2 * 60 * 60_000;
/** With one, this much longer than the timeout: the cancel, the summary and the comment come after it. */
const OIDC_EXPIRATION_MARGIN_MS = 15 * 60_000;
// What each type's scope is called and how Pulumi Cloud spells it (spec/results-openapi.json, /api/oauth/token).
const SCOPE_OF = {
    team: { what: 'the team name', prefix: 'team' },
    personal: { what: 'the user login', prefix: 'user' },
    runner: { what: 'the runner name', prefix: 'runner' }
};
const SCOPE_NAME = /^[A-Za-z0-9._-]+$/;
// What users coming from pulumi/auth-actions or other tools type; suggested, never accepted silently.
const TYPE_ALIASES = {
    org: 'organization',
    user: 'personal',
    'urn:pulumi:token-type:access_token:organization': 'organization',
    'urn:pulumi:token-type:access_token:team': 'team',
    'urn:pulumi:token-type:access_token:personal': 'personal',
    'urn:pulumi:token-type:access_token:runner': 'runner'
};
/** A given token, or an OIDC login (which takes the place of a token given as well). */
function parseLogin(input, env, timeoutMs, orgs) {
    const given = input('pulumi-access-token');
    const fromEnv = env.PULUMI_ACCESS_TOKEN?.trim() ?? '';
    const oidc = parseOidcLogin({
        tokenType: input('oidc-token-type'),
        scope: input('oidc-scope'),
        expiration: input('oidc-expiration'),
        givenToken: given !== '' ? 'input' : fromEnv !== '' ? 'env' : undefined,
        timeoutMs,
        env
    });
    const distinct = [...new Set(orgs)];
    if (oidc && distinct.length > 1) {
        throw new InputError('oidc-token-type', `An OIDC login gets a Pulumi token for one organization, but the \`stack\` input names stacks of ` +
            `${distinct.join(' and ')}: use one step per organization, or give a \`pulumi-access-token\` that can ` +
            'reach all of them.');
    }
    // The ignored token is still kept as a secret (collectSecrets), so it is masked all the same.
    if (oidc)
        return { token: '', oidc };
    return { token: parseToken(given, env), oidc };
}
function parseToken(value, env) {
    const fromEnv = env.PULUMI_ACCESS_TOKEN?.trim() ?? '';
    const token = value || fromEnv;
    if (token === '') {
        throw new InputError('pulumi-access-token', 'No Pulumi access token was given: set the `pulumi-access-token` input (for example to ' +
            '`${{ secrets.PULUMI_ACCESS_TOKEN }}`) or the PULUMI_ACCESS_TOKEN environment variable, or log in with the ' +
            "job's GitHub OIDC token through `oidc-token-type`; note that secrets are empty in workflows triggered from " +
            'forks.');
    }
    if (/\s/.test(token)) {
        const source = value
            ? 'The `pulumi-access-token` input'
            : 'The PULUMI_ACCESS_TOKEN environment variable (used because the `pulumi-access-token` input is empty)';
        throw new InputError('pulumi-access-token', `${source} holds a value with whitespace or a line break inside, which a Pulumi access token never has: ` +
            'check that the secret holds only the token.');
    }
    return token;
}
/** The OIDC login the inputs ask for, or undefined when `oidc-token-type` is empty (a token is given instead). */
function parseOidcLogin(o) {
    if (o.tokenType === '') {
        const stray = o.scope !== '' ? 'oidc-scope' : o.expiration !== '' ? 'oidc-expiration' : undefined;
        if (stray !== undefined) {
            throw new InputError(stray, `The \`${stray}\` input is set, but \`oidc-token-type\` is empty, so no OIDC login happens: set ` +
                `\`oidc-token-type\` to ${typeList()} to log in with the job's GitHub OIDC token, or remove \`${stray}\`.`);
        }
        return undefined;
    }
    const tokenType = parseTokenType(o.tokenType);
    const scope = parseScope(tokenType, o.scope);
    const expirationSeconds = parseExpiration(o.expiration, o.timeoutMs);
    // Checked here, before any request: without `id-token: write` the runner gives the step no way to ask for one.
    if (!o.env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim() || !o.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim()) {
        throw new InputError('oidc-token-type', `The \`oidc-token-type\` input asks to log in to Pulumi Cloud with the job's GitHub OIDC token, but the job ` +
            'may not request one: add `permissions: id-token: write` to the workflow or the job (GitHub gives no OIDC ' +
            'token to pull requests from forks).');
    }
    return { tokenType, scope, expirationSeconds, ignoredToken: o.givenToken };
}
function typeList() {
    return `${OIDC_TOKEN_TYPES.slice(0, -1).join(', ')} or ${OIDC_TOKEN_TYPES.at(-1)}`;
}
function parseTokenType(value) {
    const lower = value.toLowerCase();
    const type = OIDC_TOKEN_TYPES.find(candidate => candidate === lower);
    if (type !== undefined)
        return type;
    const suggestion = TYPE_ALIASES[lower];
    throw new InputError('oidc-token-type', `The \`oidc-token-type\` input ${quote(value)} is not a Pulumi token type: use ${typeList()}, or leave it ` +
        `empty to use \`pulumi-access-token\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`);
}
function parseScope(tokenType, value) {
    if (tokenType === 'organization') {
        if (value === '')
            return undefined;
        if (value.toLowerCase() === 'admin')
            return 'admin';
        throw new InputError('oidc-scope', `The \`oidc-scope\` input ${quote(value)} does not fit an organization token: leave it empty, or set it to ` +
            '`admin` for a token with admin scope.');
    }
    const { what, prefix } = SCOPE_OF[tokenType];
    if (value === '') {
        throw new InputError('oidc-scope', `A ${tokenType} token needs the \`oidc-scope\` input: set it to ${what} the token is for.`);
    }
    // `team:platform` is how Pulumi Cloud spells it; accepted as well as the bare name.
    const name = value.startsWith(`${prefix}:`) ? value.slice(prefix.length + 1) : value;
    if (!SCOPE_NAME.test(name)) {
        throw new InputError('oidc-scope', `The \`oidc-scope\` input ${quote(value)} is not ${what}: a ${tokenType} token's scope is one name of ` +
            'letters, digits, -, _ and .');
    }
    return `${prefix}:${name}`;
}
function parseExpiration(value, timeoutMs) {
    if (value === '') {
        const ms = timeoutMs === undefined ? OIDC_EXPIRATION_WITHOUT_TIMEOUT_MS : timeoutMs + OIDC_EXPIRATION_MARGIN_MS;
        return Math.ceil(ms / 1000);
    }
    let ms;
    try {
        ms = (0,duration/* parseDuration */.E9)(value);
    }
    catch (error) {
        if (error instanceof duration/* DurationError */.N2)
            throw new InputError('oidc-expiration', `The \`oidc-expiration\` input ${error.message}`);
        throw error;
    }
    if (ms < 60_000) {
        throw new InputError('oidc-expiration', `The \`oidc-expiration\` input is ${quote(value)}, too short for a deployment: give at least a minute, or ` +
            'leave it empty for a lifetime that outlasts the `timeout`.');
    }
    if (timeoutMs !== undefined && ms < timeoutMs) {
        throw new InputError('oidc-expiration', `The \`oidc-expiration\` input (${(0,duration/* formatDuration */.a3)(ms)}) is shorter than the \`timeout\` ` +
            `(${(0,duration/* formatDuration */.a3)(timeoutMs)}), so the Pulumi token would expire while the action still waits for the ` +
            'deployment: make it longer, or leave it empty for a lifetime that outlasts the `timeout`.');
    }
    return Math.ceil(ms / 1000);
}
function quote(value) {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

;// CONCATENATED MODULE: ./src/config/secrets.ts
// Words that make a variable's value secret wherever they appear in its name.
const SECRET_WORDS = new Set([
    'SECRET',
    'SECRETS',
    'TOKEN',
    'TOKENS',
    'PASSWORD',
    'PASSWORDS',
    'PASSWD',
    'PASS',
    'PASSPHRASE',
    'CREDENTIAL',
    'CREDENTIALS',
    'CREDS',
    'AUTH',
    'PAT',
    'SAS',
    'KEY',
    'KEYS',
    'APIKEY',
    'PRIVATEKEY'
]);
// Names written as one upper-case word (`NPMTOKEN`, `DBPASSWORD`) cannot be split; these endings still give them away.
const SECRET_ENDINGS = [
    'TOKEN',
    'SECRET',
    'PASSWORD',
    'PASSWD',
    'PASSPHRASE',
    'APIKEY',
    'PRIVATEKEY',
    'CREDENTIALS'
];
// A name that ends in one of these describes a secret (where it is, what kind it is) rather than holding it:
// AWS_ACCESS_KEY_ID, TOKEN_URL, SECRET_NAME, GOOGLE_CREDENTIALS_FILE.
const DESCRIPTIVE_LAST_WORDS = new Set([
    'ID',
    'IDS',
    'NAME',
    'NAMES',
    'TYPE',
    'KIND',
    'MODE',
    'METHOD',
    'URL',
    'URI',
    'ENDPOINT',
    'HOST',
    'PORT',
    'SOCK',
    'SOCKET',
    'DOMAIN',
    'PATH',
    'FILE',
    'FILENAME',
    'DIR',
    'LOCATION',
    'ARN',
    'REGION',
    'ENABLED',
    'DISABLED',
    'VERSION',
    'EXPIRY',
    'EXPIRES',
    'EXPIRATION',
    'TTL',
    'LIFETIME',
    'DURATION',
    'USER',
    'USERNAME',
    'PROVIDER',
    'ISSUER',
    'AUDIENCE',
    'SCOPE',
    'SCOPES',
    'FORMAT',
    'LENGTH',
    'ALGORITHM',
    'PREFIX'
]);
/** Splits `apiKey`, `API_KEY`, `api-key` and `XMLHttpToken` alike into upper-case words. */
function nameWords(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .split(/[^A-Za-z0-9]+/)
        .filter(word => word !== '')
        .map(word => word.toUpperCase());
}
/**
 * Whether a variable with this name probably holds a secret. Word-aware, so `KEYBOARD_LAYOUT`, `MONKEY` and `PATH`
 * are not, while `API_KEY`, `apiKey` and `NPMTOKEN` are; a name ending in a descriptive word such as `_ID`, `_URL`,
 * `_NAME` or `_FILE` is not, and neither is a public key. False positives only mask a harmless value; false negatives
 * leak, so the word list leans wide.
 */
function looksSecretName(name) {
    const words = nameWords(name);
    const last = words.at(-1);
    if (last === undefined || DESCRIPTIVE_LAST_WORDS.has(last))
        return false;
    if (words.includes('PUBLIC'))
        return false;
    if (words.some(word => SECRET_WORDS.has(word)))
        return true;
    if (words.some(word => SECRET_ENDINGS.some(ending => word.length > ending.length && word.endsWith(ending)))) {
        return true;
    }
    return (includesPair(words, 'CONNECTION', 'STRING') ||
        words.includes('CONNSTR') ||
        words.includes('CONNECTIONSTRING'));
}
function includesPair(words, first, second) {
    return words.some((word, i) => word === first && words[i + 1] === second);
}
/**
 * Values shorter than this are never treated as secret: masking `abc` would blank out every occurrence of those
 * letters in the log, and a three-character secret is not one worth protecting.
 */
const MIN_SECRET_LENGTH = 4;
// Values a secret-looking variable often holds that are settings, not secrets; masking them would garble the log.
const NON_SECRET_VALUES = new Set(['true', 'false', 'null', 'none', 'undefined', 'enabled', 'disabled']);
// Variables the runner sets for every step; none of them is secret (the two token inputs are passed in as `extra`).
const RUNNER_VARIABLE_PREFIXES = ['GITHUB_', 'RUNNER_', 'INPUT_'];
// A token the workflow author put in the environment under a runner-like name is still a token.
const USER_SET_RUNNER_LIKE_NAMES = new Set(['GITHUB_TOKEN']);
/**
 * Every value that must never be printed: `extra` (the Pulumi and GitHub tokens), every `{secret: ...}` in
 * `settings` (environment variables, git credentials, executor image credentials), the plain values of `settings`
 * environment variables whose names look secret, and the values of process environment variables whose names look
 * secret (such as `AWS_SECRET_ACCESS_KEY` given to the step through `env:`). Deduplicated; values shorter than
 * MIN_SECRET_LENGTH and obvious non-secrets (`true`, `false`, ...) are dropped. A multi-line value also contributes
 * each of its lines, because logs arrive one line at a time.
 */
function collectSecrets(settings, env, extra) {
    const found = [...extra];
    collectSecretValues(settings, found);
    for (const [name, value] of Object.entries(settings?.operationContext?.environmentVariables ?? {})) {
        if (typeof value === 'string' && looksSecretName(name))
            found.push(value);
    }
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && isUserVariable(name) && looksSecretName(name))
            found.push(value);
    }
    return normalizeSecrets(found);
}
/**
 * The names of `settings` environment variables that look secret but are given as plain strings: the orchestrator
 * may warn that they belong in `{secret: ...}`, which Pulumi Cloud stores encrypted and never shows.
 */
function plainSecretLookingVariables(settings) {
    return Object.entries(settings?.operationContext?.environmentVariables ?? {})
        .filter(([name, value]) => typeof value === 'string' && looksSecretName(name))
        .map(([name]) => name);
}
function isUserVariable(name) {
    const upper = name.toUpperCase();
    if (USER_SET_RUNNER_LIKE_NAMES.has(upper))
        return true;
    return !RUNNER_VARIABLE_PREFIXES.some(prefix => upper.startsWith(prefix));
}
// Walks the whole settings tree: any object with a string `secret` (and its `plaintext`, when sent) is a secret value.
function collectSecretValues(node, found) {
    if (Array.isArray(node)) {
        for (const item of node)
            collectSecretValues(item, found);
        return;
    }
    if (node === null || typeof node !== 'object')
        return;
    const record = node;
    if (typeof record.secret === 'string') {
        found.push(record.secret);
        if (typeof record.plaintext === 'string')
            found.push(record.plaintext);
    }
    for (const value of Object.values(record))
        collectSecretValues(value, found);
}
function normalizeSecrets(values) {
    const kept = new Set();
    const consider = (value) => {
        if (value.length >= MIN_SECRET_LENGTH && !NON_SECRET_VALUES.has(value.toLowerCase()))
            kept.add(value);
    };
    for (const value of values) {
        consider(value);
        if (/[\r\n]/.test(value)) {
            for (const line of value.split(/\r?\n|\r/))
                consider(line.trim());
        }
    }
    return [...kept];
}
/** Replaces every occurrence of every secret with `***`. Built once; `redact` runs on every log line. */
class Redactor {
    secrets;
    pattern;
    constructor(secrets) {
        this.secrets = [...new Set(secrets.filter(secret => secret !== ''))];
        const forms = new Set();
        for (const secret of this.secrets) {
            forms.add(secret);
            // The same secret may reach a log inside a JSON string or a URL, where it is written differently.
            forms.add(JSON.stringify(secret).slice(1, -1));
            forms.add(encodeURIComponent(secret));
        }
        // Longest first, so a secret that contains another is masked whole rather than leaving its remainder.
        const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
        this.pattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'g') : undefined;
    }
    redact(text) {
        if (this.pattern === undefined || text === '')
            return text;
        return text.replace(this.pattern, '***');
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./src/config/generated/request-schema.ts
// Generated by script/generate-schema.mjs from spec/deployments-openapi.json. Do not edit by hand.
const SETTINGS_INPUT_KEYS = (/* unused pure expression or super */ null && ([
    'sourceContext',
    'operationContext',
    'executorContext',
    'gitHub',
    'cacheOptions',
    'agentPoolID'
]));
const $defs = {
    CreateDeploymentRequest: {
        type: 'object',
        properties: {
            inheritSettings: { type: 'boolean' },
            operation: {
                enum: ['update', 'preview', 'destroy', 'refresh', 'detect-drift', 'remediate-drift'],
                type: 'string'
            },
            agentPoolID: { type: 'string' },
            cacheOptions: { $ref: '#/$defs/CacheOptionsRequest' },
            executorContext: { $ref: '#/$defs/ExecutorSettingsRequest' },
            gitHub: { $ref: '#/$defs/DeploymentSettingsGitHubRequest' },
            operationContext: { $ref: '#/$defs/OperationContextRequest' },
            sourceContext: { $ref: '#/$defs/SourceContextRequest' },
            tag: { type: 'string' },
            vcs: { $ref: '#/$defs/DeploymentSettingsVCS' }
        },
        required: ['operation'],
        additionalProperties: false
    },
    DeploymentSettingsRequest: {
        properties: {
            agentPoolID: { type: 'string' },
            cacheOptions: { $ref: '#/$defs/CacheOptionsRequest' },
            executorContext: { $ref: '#/$defs/ExecutorSettingsRequest' },
            gitHub: { $ref: '#/$defs/DeploymentSettingsGitHubRequest' },
            operationContext: { $ref: '#/$defs/OperationContextRequest' },
            sourceContext: { $ref: '#/$defs/SourceContextRequest' },
            tag: { type: 'string' },
            vcs: { $ref: '#/$defs/DeploymentSettingsVCS' }
        },
        type: 'object',
        additionalProperties: false
    },
    CacheOptionsRequest: {
        properties: { enable: { type: 'boolean' } },
        type: 'object',
        additionalProperties: false
    },
    ExecutorSettingsRequest: {
        properties: {
            executorImage: { anyOf: [{ type: 'string', minLength: 1 }, { $ref: '#/$defs/DockerImageRequest' }] },
            executorRootPath: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false
    },
    DockerImageRequest: {
        properties: {
            credentials: { $ref: '#/$defs/DockerImageCredentialsRequest' },
            reference: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false,
        required: ['reference']
    },
    DockerImageCredentialsRequest: {
        properties: { password: { $ref: '#/$defs/SecretValue' }, username: { type: 'string' } },
        type: 'object',
        additionalProperties: false
    },
    SecretValue: {
        properties: {
            ciphertext: { items: { format: 'byte', type: 'string' }, type: 'array' },
            plaintext: { type: 'string' },
            secret: { type: 'string' }
        },
        required: ['secret'],
        type: 'object',
        additionalProperties: false
    },
    DeploymentSettingsGitHubRequest: {
        properties: {
            deployCommits: { type: 'boolean' },
            deployPullRequest: { format: 'int64', type: 'integer' },
            deployTags: { type: 'boolean' },
            installationId: { type: 'string' },
            paths: { items: { type: 'string' }, type: 'array' },
            previewPullRequests: { type: 'boolean' },
            pullRequestTemplate: { type: 'boolean' },
            repository: { type: 'string' },
            reviewStackLabels: { items: { type: 'string' }, type: 'array' },
            tagFilters: { items: { type: 'string' }, type: 'array' }
        },
        type: 'object',
        additionalProperties: false
    },
    OperationContextRequest: {
        properties: {
            environmentVariables: {
                additionalProperties: { anyOf: [{ type: 'string' }, { $ref: '#/$defs/SecretValue' }] },
                type: 'object'
            },
            oidc: { $ref: '#/$defs/OperationContextOIDCConfigurationRequest' },
            options: { $ref: '#/$defs/OperationContextOptionsRequest' },
            preRunCommands: { items: { type: 'string' }, type: 'array' },
            role: { $ref: '#/$defs/DeploymentRoleRequest' }
        },
        type: 'object',
        additionalProperties: false
    },
    OperationContextOIDCConfigurationRequest: {
        properties: {
            aws: { $ref: '#/$defs/OperationContextAWSOIDCConfigurationRequest' },
            azure: { $ref: '#/$defs/OperationContextAzureOIDCConfigurationRequest' },
            gcp: { $ref: '#/$defs/OperationContextGCPOIDCConfigurationRequest' }
        },
        type: 'object',
        additionalProperties: false
    },
    OperationContextAWSOIDCConfigurationRequest: {
        properties: {
            duration: { type: 'string' },
            policyArns: { items: { type: 'string' }, type: 'array' },
            roleArn: { type: 'string' },
            sessionName: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false
    },
    OperationContextAzureOIDCConfigurationRequest: {
        properties: {
            clientId: { type: 'string' },
            subscriptionId: { type: 'string' },
            tenantId: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false
    },
    OperationContextGCPOIDCConfigurationRequest: {
        properties: {
            projectId: { type: 'string' },
            providerId: { type: 'string' },
            region: { type: 'string' },
            serviceAccount: { type: 'string' },
            tokenLifetime: { type: 'string' },
            workloadPoolId: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false
    },
    OperationContextOptionsRequest: {
        properties: {
            deleteAfterDestroy: { type: 'boolean' },
            remediateIfDriftDetected: { type: 'boolean' },
            shell: { type: 'string' },
            skipInstallDependencies: { type: 'boolean' },
            skipIntermediateDeployments: { type: 'boolean' }
        },
        type: 'object',
        additionalProperties: false
    },
    DeploymentRoleRequest: {
        properties: { defaultIdentifier: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' } },
        type: 'object',
        additionalProperties: false
    },
    SourceContextRequest: {
        properties: {
            git: { $ref: '#/$defs/SourceContextGitRequest' },
            hg: { $ref: '#/$defs/SourceContextHgRequest' },
            template: { $ref: '#/$defs/SourceContextTemplateRequest' }
        },
        type: 'object',
        additionalProperties: false
    },
    SourceContextGitRequest: {
        properties: {
            branch: { type: 'string' },
            commit: { type: 'string' },
            gitAuth: { $ref: '#/$defs/GitAuthConfigRequest' },
            repoDir: { type: 'string' },
            repoUrl: { type: 'string' },
            tag: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false
    },
    GitAuthConfigRequest: {
        properties: {
            accessToken: { $ref: '#/$defs/SecretValue' },
            basicAuth: { $ref: '#/$defs/BasicAuthRequest' },
            sshAuth: { $ref: '#/$defs/SSHAuthRequest' }
        },
        type: 'object',
        additionalProperties: false
    },
    BasicAuthRequest: {
        properties: { password: { $ref: '#/$defs/SecretValue' }, userName: { $ref: '#/$defs/SecretValue' } },
        type: 'object',
        additionalProperties: false
    },
    SSHAuthRequest: {
        properties: { password: { $ref: '#/$defs/SecretValue' }, sshPrivateKey: { $ref: '#/$defs/SecretValue' } },
        type: 'object',
        additionalProperties: false
    },
    SourceContextHgRequest: {
        properties: {
            branch: { type: 'string' },
            hgAuth: { $ref: '#/$defs/GitAuthConfigRequest' },
            repoDir: { type: 'string' },
            repoUrl: { type: 'string' },
            revision: { type: 'string' }
        },
        type: 'object',
        additionalProperties: false
    },
    SourceContextTemplateRequest: {
        properties: { gitAuth: { $ref: '#/$defs/GitAuthConfigRequest' }, sourceUrl: { type: 'string' } },
        type: 'object',
        additionalProperties: false
    },
    DeploymentSettingsVCS: {
        properties: {
            deployCommits: { type: 'boolean' },
            deployPullRequest: { format: 'int64', type: 'integer' },
            deployTags: { type: 'boolean' },
            installationId: { type: 'string' },
            paths: { items: { type: 'string' }, type: 'array' },
            previewPullRequests: { type: 'boolean' },
            provider: { type: 'string' },
            pullRequestTemplate: { type: 'boolean' },
            repository: { type: 'string' },
            tagFilters: { items: { type: 'string' }, type: 'array' }
        },
        required: ['provider'],
        type: 'object',
        additionalProperties: false
    }
};
const settingsInputSchema = {
    ...{
        type: 'object',
        properties: {
            sourceContext: { $ref: '#/$defs/SourceContextRequest' },
            operationContext: { $ref: '#/$defs/OperationContextRequest' },
            executorContext: { $ref: '#/$defs/ExecutorSettingsRequest' },
            gitHub: { $ref: '#/$defs/DeploymentSettingsGitHubRequest' },
            cacheOptions: { $ref: '#/$defs/CacheOptionsRequest' },
            agentPoolID: { type: 'string' }
        },
        additionalProperties: false
    },
    $defs
};
const createDeploymentRequestSchema = { $ref: '#/$defs/CreateDeploymentRequest', $defs };

;// CONCATENATED MODULE: ./src/config/settings.ts
// The `settings` input: YAML (or JSON, which is YAML) parsed and checked against the request schema generated from
// the OpenAPI document, so a misspelt key or a wrong type fails the step before any deployment is made, with one
// sentence that names where the mistake is and what was expected.



const SECRET_VALUE_REF = '#/$defs/SecretValue';
const SECRET_VALUE_SHAPE = 'a secret written as `{secret: ...}`';
let libraries;
let ajvInstance;
/**
 * Loads yaml and ajv: half a megabyte of code that most workflows, which give no settings, never need, so the
 * bundle keeps it in a chunk of its own. The action awaits this before reading its inputs when `settings` is given;
 * parseSettings itself stays synchronous.
 */
async function loadSettingsParser() {
    libraries ??= await Promise.all(/* import() */[__nccwpck_require__.e(225), __nccwpck_require__.e(479)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6479));
}
// Run from the sources (tests, scripts), the libraries are in node_modules and can be loaded on first use.
function settingsLibraries() {
    if (libraries)
        return libraries;
    const load = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
    try {
        libraries = {
            parseDocument: load('yaml').parseDocument,
            Ajv: load('ajv').Ajv
        };
    }
    catch (cause) {
        throw new Error('The settings parser was used before loadSettingsParser() loaded it.', { cause });
    }
    return libraries;
}
function ajv() {
    ajvInstance ??= new (settingsLibraries().Ajv)({
        strict: false,
        validateFormats: false,
        verbose: true,
        allErrors: false
    });
    return ajvInstance;
}
let validateSettings;
const branchValidators = new Map();
/** Parses and validates the `settings` input; empty (or comments only) is undefined. Throws InputError('settings'). */
function parseSettings(text) {
    if (text.trim() === '')
        return undefined;
    const value = parseYaml(text);
    if (value === null || value === undefined)
        return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw settingsError(`The \`settings\` input must be a mapping of deployment settings (such as \`sourceContext:\` or ` +
            `\`operationContext:\`), but it is ${describeValue(value)}.`);
    }
    validateSettings ??= ajv().compile(settingsInputSchema);
    if (!validateSettings(value)) {
        throw settingsError(describeFirstError(validateSettings.errors ?? [], value));
    }
    checkConsistency(value);
    return value;
}
function parseYaml(text) {
    const doc = settingsLibraries().parseDocument(text);
    const [error] = doc.errors;
    if (error) {
        const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
        const what = error.code === 'MULTIPLE_DOCS'
            ? 'it holds more than one document (a `---` line), so give one mapping'
            : `${error.message.split(' at line ')[0] ?? error.message}; check the indentation and quoting there`;
        throw settingsError(`The \`settings\` input is not valid YAML or JSON${where}: ${what}.`);
    }
    try {
        return doc.toJS();
    }
    catch (cause) {
        // Aliases are resolved only here (an alias to a missing anchor, or too many aliases).
        throw settingsError(`The \`settings\` input could not be read as YAML: ${cause.message}.`);
    }
}
// Pulumi Deployments sets these in every deployment and overwrites a value given for them (deployments-api-preview.md).
const RESERVED_VARIABLES = [
    'PULUMI_CI_BUILD_URL',
    'PULUMI_CI_SYSTEM',
    'PULUMI_CI_BUILD_NUMBER',
    'PULUMI_CI_BUILD_ID',
    'PULUMI_ACCESS_TOKEN',
    'PULUMI_BACKEND_URL'
];
function checkConsistency(settings) {
    const variables = Object.keys(settings.operationContext?.environmentVariables ?? {});
    const reserved = variables.find(name => RESERVED_VARIABLES.includes(name));
    if (reserved !== undefined) {
        throw settingsError(`The \`settings\` input sets \`settings.operationContext.environmentVariables.${reserved}\`, which Pulumi ` +
            'Deployments sets itself in every deployment and would overwrite: remove it.');
    }
    const git = settings.sourceContext?.git;
    if (git?.branch !== undefined && git.commit !== undefined) {
        throw settingsError('The `settings` input sets both `settings.sourceContext.git.branch` and `settings.sourceContext.git.commit`, ' +
            'which are mutually exclusive: keep the one to deploy.');
    }
    const sources = Object.keys(settings.sourceContext ?? {});
    if (sources.length > 1) {
        throw settingsError(`The \`settings\` input sets more than one source in \`settings.sourceContext\` ` +
            `(${sources.map(code).join(' and ')}): a deployment has one source, so keep one.`);
    }
}
function settingsError(message) {
    return new InputError('settings', message);
}
// With allErrors off, ajv stops at the first failing keyword; only `anyOf` reports its branches' errors before its
// own, and those need interpreting (see describeAnyOf).
function describeFirstError(errors, root, basePath = '') {
    const error = errors.at(-1)?.keyword === 'anyOf' ? errors.at(-1) : errors[0];
    if (!error)
        return 'The `settings` input is not valid.';
    const pointer = basePath + error.instancePath;
    const where = code(formatPath(pointer, root));
    const data = error.data;
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties':
            return describeUnknownKey(pointer, root, String(params.additionalProperty), error.parentSchema);
        case 'type': {
            const isSecret = error.parentSchema === resolveRef(SECRET_VALUE_REF);
            const expected = isSecret ? SECRET_VALUE_SHAPE : describeType(String(params.type));
            return `The \`settings\` input is invalid: ${where} must be ${expected}, but it is ${describeValue(data)}${typeHint(String(params.type), data)}.`;
        }
        case 'required': {
            const missing = String(params.missingProperty);
            const misspelt = isRecord(data)
                ? Object.keys(data).find(key => suggestKey(key, [missing]) === missing)
                : undefined;
            if (misspelt !== undefined) {
                return `The \`settings\` input has an unknown key ${code(formatPath(`${pointer}/${misspelt}`, root))}: did you mean \`${missing}\`?`;
            }
            return `The \`settings\` input is invalid: ${where} is missing its required key \`${missing}\`.`;
        }
        case 'minLength':
            return `The \`settings\` input is invalid: ${where} must not be empty.`;
        case 'anyOf':
            return describeAnyOf(error, pointer, root);
        default:
            return `The \`settings\` input is invalid: ${where} ${error.message ?? 'is not valid'}.`;
    }
}
// An `anyOf` (a plain string or a secret, an image name or an image mapping): when the value has the shape of one
// branch, the user meant that branch, so report what is wrong inside it; otherwise list the shapes accepted.
function describeAnyOf(error, pointer, root) {
    const branches = error.schema.map(branch => ({ branch, type: branchType(branch) }));
    const meant = branches.find(({ type }) => type === jsonType(error.data));
    if (meant) {
        let validate = branchValidators.get(meant.branch);
        if (!validate) {
            validate = ajv().compile({ ...meant.branch, $defs: settingsInputSchema.$defs });
            branchValidators.set(meant.branch, validate);
        }
        if (!validate(error.data))
            return describeFirstError(validate.errors ?? [], root, pointer);
    }
    const accepted = branches.map(({ branch }) => describeBranch(branch)).join(' or ');
    const quoteHint = branches.some(({ type }) => type === 'string') ? typeHint('string', error.data) : '';
    return `The \`settings\` input is invalid: ${code(formatPath(pointer, root))} must be ${accepted}, but it is ${describeValue(error.data)}${quoteHint}.`;
}
function describeUnknownKey(pointer, root, key, parentSchema) {
    const keyPath = code(formatPath(`${pointer}/${key}`, root));
    if (key === 'operation' && (pointer === '' || pointer === '/operationContext')) {
        return `The \`settings\` input cannot set ${keyPath}: the operation is the action's \`operation\` input.`;
    }
    if (key === 'inheritSettings' && pointer === '') {
        return `The \`settings\` input cannot set ${keyPath}: use the action's \`inherit-settings\` input instead.`;
    }
    const allowed = Object.keys(parentSchema.properties ?? {});
    const suggestion = suggestKey(key, allowed);
    if (suggestion !== undefined)
        return `The \`settings\` input has an unknown key ${keyPath}: did you mean \`${suggestion}\`?`;
    const place = pointer === '' ? 'at the top level' : `in ${code(formatPath(pointer, root))}`;
    return `The \`settings\` input has an unknown key ${keyPath}: the keys allowed ${place} are ${allowed.map(code).join(', ')}.`;
}
/** The allowed key the user most likely meant: same letters ignoring case, `_` and `-`, else a close spelling. */
function suggestKey(key, allowed) {
    const normalize = (text) => text.toLowerCase().replace(/[_-]/g, '');
    const wanted = normalize(key);
    const sameLetters = allowed.find(candidate => normalize(candidate) === wanted);
    if (sameLetters !== undefined)
        return sameLetters;
    const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)));
    let best;
    for (const candidate of allowed) {
        const distance = editDistance(wanted, normalize(candidate));
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}
// Optimal string alignment distance: a swap of two neighbouring letters (`gti` for `git`) counts as one edit.
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => rows[i]?.[j] ?? 0;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, at(i - 2, j - 2) + 1);
            rows[i][j] = best;
        }
    }
    return at(a.length, b.length);
}
/** `/operationContext/environmentVariables/MY-VAR` → `settings.operationContext.environmentVariables["MY-VAR"]`. */
function formatPath(pointer, root) {
    let path = 'settings';
    let node = root;
    for (const raw of pointer.split('/').slice(1)) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node))
            path += `[${segment}]`;
        else if (/^[A-Za-z_$][\w$]*$/.test(segment))
            path += `.${segment}`;
        else
            path += `[${JSON.stringify(segment)}]`;
        node = isRecord(node) || Array.isArray(node) ? node[segment] : undefined;
    }
    return path;
}
function branchType(branch) {
    if (typeof branch.type === 'string')
        return branch.type;
    if (typeof branch.$ref === 'string')
        return branchType(resolveRef(branch.$ref));
    return undefined;
}
function describeBranch(branch) {
    if (branch.$ref === SECRET_VALUE_REF)
        return SECRET_VALUE_SHAPE;
    if (branch.$ref === '#/$defs/DockerImageRequest')
        return 'a mapping with `reference` and optional `credentials`';
    if (branch.type === 'string' && branch.minLength === 1)
        return 'a non-empty string';
    return describeType(branchType(branch) ?? 'object');
}
function resolveRef(ref) {
    const defs = settingsInputSchema.$defs;
    return defs[ref.replace('#/$defs/', '')] ?? {};
}
function describeType(type) {
    const names = {
        object: 'a mapping',
        array: 'a list',
        string: 'a string',
        boolean: 'true or false',
        integer: 'a whole number',
        number: 'a number'
    };
    return names[type] ?? `of type ${type}`;
}
// Never quotes a string value: it may be a secret written in the wrong place.
function describeValue(value) {
    if (value === null || value === undefined)
        return 'empty';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'number' || typeof value === 'boolean')
        return `the ${typeof value} ${value}`;
    return `a ${typeof value}`;
}
function typeHint(expected, value) {
    if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return `; quote it to pass it as text, as in "${String(value)}"`;
    }
    if (expected === 'boolean' && typeof value === 'string' && /^(yes|no|on|off|y|n)$/i.test(value)) {
        return '; YAML 1.2 reads yes, no, on and off as text, so write true or false';
    }
    return '';
}
function jsonType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function code(text) {
    return `\`${text}\``;
}

;// CONCATENATED MODULE: ./src/config/inputs.ts
// Every input, read and validated up front into one typed ActionConfig: a mistake fails the step with a sentence
// naming the input before any request is made, rather than halfway through a deployment.









const DEFAULT_CLOUD_URL = 'https://api.pulumi.com';
const DEFAULT_POLL_INTERVAL = '2s';
/** Cancelling these loses nothing; cancelling an operation that changes infrastructure midway can leave it half-done. */
const CANCEL_ON_ABORT_BY_DEFAULT = ['preview', 'detect-drift'];
const readActionInput = name => getInput(name);
/** getInputs for the action itself: the parser of the `settings` input is loaded first, and only when it is given. */
async function readInputs(read = readActionInput, env = process.env) {
    if (read('settings').trim() !== '')
        await loadSettingsParser();
    return getInputs(read, env);
}
/** Reads and validates every input, in the order action.yml lists them; throws an InputError on the first bad one. */
function getInputs(read = readActionInput, env = process.env) {
    const input = (name) => read(name).trim();
    const stacks = parseStacks(read('stack'));
    const [{ ref: stack, name: stackName }] = stacks;
    const operation = parseOperation(input('operation'));
    // The OIDC token's default lifetime follows the timeout, checked in its own turn below.
    const { token, oidc } = parseLogin(input, env, timeoutIfValid(input('timeout')), stacks.map(s => s.ref.org));
    const cloudUrl = parseCloudUrl(input('cloud-url'), env);
    const inheritSettings = parseBoolean('inherit-settings', input('inherit-settings'), true);
    const settings = parseSettings(read('settings'));
    const commit = parseCommit(input('commit'), settings);
    const wait = parseBoolean('wait', input('wait'), true);
    const timeoutText = input('timeout');
    const timeoutMs = timeoutText === '' ? undefined : parsePositiveDuration('timeout', timeoutText);
    const pollIntervalMs = parsePositiveDuration('poll-interval', input('poll-interval') || DEFAULT_POLL_INTERVAL);
    const cancelOnAbort = parseBoolean('cancel-on-abort', input('cancel-on-abort'), CANCEL_ON_ABORT_BY_DEFAULT.includes(operation));
    const commentOnSummary = parseBoolean('comment-on-summary', input('comment-on-summary'), true);
    const githubToken = parseGithubToken(input('github-token'), env);
    const commentOnPr = parseBoolean('comment-on-pr', input('comment-on-pr'), true);
    const commentOnPrNumber = parsePullRequestNumber(input('comment-on-pr-number'));
    const editPrComment = parseBoolean('edit-pr-comment', input('edit-pr-comment'), true);
    const expectNoChanges = parseBoolean('expect-no-changes', input('expect-no-changes'), false);
    if (expectNoChanges && !wait) {
        throw new InputError('expect-no-changes', 'The `expect-no-changes` input needs `wait: true`: the changes are known only once the deployment ends, and ' +
            'with `wait: false` the step ends as soon as the deployment is created.');
    }
    return {
        stacks,
        stack,
        stackName,
        operation,
        token,
        oidc,
        cloudUrl,
        inheritSettings,
        settings,
        commit,
        wait,
        timeoutMs,
        pollIntervalMs,
        cancelOnAbort,
        commentOnSummary,
        githubToken,
        commentOnPr,
        commentOnPrNumber,
        editPrComment,
        expectNoChanges,
        secrets: collectSecrets(settings, env, [token, input('pulumi-access-token'), githubToken])
    };
}
// What users coming from the Pulumi CLI or other tools type; suggested, never accepted silently.
const OPERATION_ALIASES = {
    up: 'update',
    deploy: 'update',
    apply: 'update',
    plan: 'preview',
    drift: 'detect-drift',
    remediate: 'remediate-drift'
};
function parseOperation(value) {
    const accepted = `${types/* PULUMI_OPERATIONS */.UQ.slice(0, -1).join(', ')} or ${types/* PULUMI_OPERATIONS */.UQ.at(-1)}`;
    if (value === '') {
        throw new InputError('operation', `The \`operation\` input is required: set it to ${accepted}.`);
    }
    const lower = value.toLowerCase();
    const operation = types/* PULUMI_OPERATIONS */.UQ.find(candidate => candidate === lower);
    if (operation !== undefined)
        return operation;
    const suggestion = OPERATION_ALIASES[lower] ?? suggestKey(lower, types/* PULUMI_OPERATIONS */.UQ);
    const hint = suggestion === undefined ? '.' : `; did you mean \`${suggestion}\`?`;
    throw new InputError('operation', `The \`operation\` input ${inputs_quote(value)} is not an operation this action runs: use ${accepted}${hint}`);
}
function parseCloudUrl(value, env) {
    if (value !== '')
        return validateCloudUrl(value, 'The `cloud-url` input');
    const backendUrl = env.PULUMI_BACKEND_URL?.trim() ?? '';
    // Self-managed backends (s3://, file://, azblob://, gs://) have no Deployments API; only a Pulumi Cloud URL counts.
    if (/^https?:\/\//i.test(backendUrl)) {
        return validateCloudUrl(backendUrl, 'The PULUMI_BACKEND_URL environment variable (used because the `cloud-url` input is empty)');
    }
    return DEFAULT_CLOUD_URL;
}
function validateCloudUrl(value, source) {
    const expected = 'the Pulumi Cloud API address, such as https://api.pulumi.com';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError('cloud-url', `${source} "${value}" is not a URL: set it to ${expected}.`);
    }
    if (url.username !== '' || url.password !== '') {
        // Not echoed: the value holds a credential.
        throw new InputError('cloud-url', `${source} holds a URL with a user name or password in it: set it to ${expected}, and give the token through \`pulumi-access-token\`.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError('cloud-url', `${source} "${value}" is not an http(s) URL: set it to ${expected}.`);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new InputError('cloud-url', `${source} "${value}" has a query or fragment: set it to ${expected}, with nothing after the host or path.`);
    }
    // The console address is a common value of PULUMI_BACKEND_URL, and the Pulumi CLI accepts it for the API.
    if (url.hostname.toLowerCase() === 'app.pulumi.com')
        url.hostname = 'api.pulumi.com';
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);
// Wider than core.getBooleanInput (YAML 1.2's true/false only): `yes`, `on` and `1` are unambiguous, and workflow
// authors used to YAML 1.1 write them. Every boolean input goes through here, so all accept the same words.
function parseBoolean(name, value, defaultValue) {
    if (value === '')
        return defaultValue;
    const lower = value.toLowerCase();
    if (TRUE_WORDS.has(lower))
        return true;
    if (FALSE_WORDS.has(lower))
        return false;
    throw new InputError(name, `The \`${name}\` input must be true or false, but it is ${inputs_quote(value)}.`);
}
const SHA = /^[0-9a-f]{7,40}$/i;
function parseCommit(value, settings) {
    const lower = value.toLowerCase();
    if (lower === '' || lower === 'auto')
        return { mode: 'auto' };
    if (lower === 'none')
        return { mode: 'none' };
    if (!SHA.test(value)) {
        throw new InputError('commit', `The \`commit\` input must be auto, none or a commit SHA of 7 to 40 hexadecimal digits, but it is ${inputs_quote(value)}; ` +
            'to deploy a branch or tag, set `sourceContext.git.branch` in the `settings` input and `commit: none`.');
    }
    const git = settings?.sourceContext?.git;
    const conflicting = ['commit', 'branch', 'tag'].find(key => git?.[key] !== undefined);
    if (conflicting !== undefined) {
        throw new InputError('commit', `The \`commit\` input pins commit ${lower}, but the \`settings\` input also sets ` +
            `\`sourceContext.git.${conflicting}\`: keep only one of them.`);
    }
    return { mode: 'sha', sha: lower };
}
function parsePositiveDuration(name, value) {
    let ms;
    try {
        ms = (0,duration/* parseDuration */.E9)(value);
    }
    catch (error) {
        if (error instanceof duration/* DurationError */.N2)
            throw new InputError(name, `The \`${name}\` input ${error.message}`);
        throw error;
    }
    if (ms <= 0) {
        const instead = name === 'timeout'
            ? 'leave it empty for no limit, or give a duration above zero'
            : 'give a duration above zero, such as 2s';
        throw new InputError(name, `The \`${name}\` input is ${inputs_quote(value)}, which is no time at all: ${instead}.`);
    }
    return ms;
}
function timeoutIfValid(value) {
    try {
        return value === '' ? undefined : parsePositiveDuration('timeout', value);
    }
    catch {
        return undefined;
    }
}
function parseGithubToken(value, env) {
    const token = value || (env.GITHUB_TOKEN?.trim() ?? '');
    if (/\s/.test(token)) {
        throw new InputError('github-token', 'The `github-token` input holds a value with whitespace or a line break inside, which a GitHub token never has: ' +
            'check the secret it comes from.');
    }
    return token;
}
function parsePullRequestNumber(value) {
    if (value === '')
        return undefined;
    const digits = /^#?(\d+)$/.exec(value)?.[1];
    const number = digits === undefined ? NaN : Number(digits);
    if (!Number.isSafeInteger(number) || number <= 0) {
        throw new InputError('comment-on-pr-number', `The \`comment-on-pr-number\` input must be a pull request number (a whole number above 0), but it is ${inputs_quote(value)}.`);
    }
    return number;
}
// Inputs other than the tokens are not secret, but a long value is cut so the sentence stays readable.
function inputs_quote(value) {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts
// Finds, creates and updates this action's sticky comment on a pull request. The body comes from
// comment-body.ts; this module owns the GitHub side: which comment is ours, paging, retries, and turning every
// failure into a warning, because a comment that cannot be written must never fail the deployment step.

const pr_comment_DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY_DELAY_MS = 2_000;
const GITHUB_BODY_LIMIT = '65,536';
function createOctokitFactory(token, apiUrl, options = {}) {
    const timeoutMs = options.requestTimeoutMs ?? pr_comment_DEFAULT_REQUEST_TIMEOUT_MS;
    let client;
    return () => {
        client ??= (async () => {
            // Dynamic, so the bundle evaluates Octokit only when a comment is actually written.
            const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(413)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
            // Passing `request` here would replace the proxy-aware fetch @actions/github sets up, so the timeout goes
            // in through a hook instead: a `before` hook, because before-after-hook drops the options a `wrap` hook
            // passes on; and on a copy of `request`, which may be the defaults object every call shares.
            const octokit = getOctokit(token, apiUrl ? { baseUrl: apiUrl.replace(/\/+$/, '') } : {});
            octokit.hook.before('request', options => {
                options.request = { ...options.request, signal: AbortSignal.timeout(timeoutMs) };
            });
            return octokit;
        })();
        return client;
    };
}
class CommentError extends Error {
    stage;
    failure;
    constructor(stage, failure) {
        super(errorText(failure));
        this.stage = stage;
        this.failure = failure;
    }
}
class PrCommenter {
    options;
    log;
    sleep;
    commentId;
    failed = false;
    // Calls run one after another: a progress update still in flight when the final one arrives must not lead
    // to a second lookup and a duplicate comment.
    queue = Promise.resolve();
    constructor(options) {
        this.options = options;
        this.log = options.log ?? workflow_commands_namespaceObject;
        this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    }
    upsert(body) {
        const result = this.queue.then(() => this.upsertNow(body));
        this.queue = result.catch(() => undefined);
        return result;
    }
    async upsertNow(body) {
        // One failure (most often a 403 on a fork) will repeat; asking again would only add noise and requests.
        if (this.failed)
            return { action: 'skipped' };
        try {
            const result = await this.write(body);
            this.commentId = result.commentId;
            this.log.info(`${result.action === 'created' ? 'Created' : 'Updated'} the pull-request comment: ${result.url}`);
            return result;
        }
        catch (error) {
            this.failed = true;
            const warning = error instanceof CommentError
                ? describeFailure(error, this.options.target, body)
                : `Could not comment on ${where(this.options.target)}: ${errorText(error)}. The deployment is unaffected.`;
            this.log.warning(warning);
            return { action: 'failed', warning };
        }
    }
    async write(body) {
        let octokit;
        try {
            octokit = await this.options.octokit();
        }
        catch (error) {
            throw new CommentError('set up the GitHub client to comment on', error);
        }
        let commentId = this.commentId;
        if (commentId === undefined && this.options.edit) {
            commentId = (await this.withRetry('read the comments of', () => this.findOurs(octokit)))?.id;
        }
        if (commentId !== undefined) {
            try {
                return await this.withRetry('update the comment on', () => this.update(octokit, commentId, body));
            }
            catch (error) {
                // Someone deleted the comment since we found or made it: write a fresh one rather than give up.
                if (!(error instanceof CommentError && statusOf(error.failure) === 404))
                    throw error;
                this.log.debug?.(`Comment ${commentId} is gone; creating a new one.`);
            }
        }
        return this.create(octokit, body);
    }
    async create(octokit, body) {
        const { owner, repo, issueNumber } = this.options.target;
        const post = async () => {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: issueNumber,
                body
            });
            return { action: 'created', commentId: data.id, url: data.html_url };
        };
        try {
            return await post();
        }
        catch (error) {
            if (!isTransient(error))
                throw new CommentError('comment on', error);
            await this.pauseBeforeRetry('comment on', error);
        }
        // A POST that failed on the way back may still have landed; look before posting again so the retry cannot
        // leave two comments. Without edit, only a comment carrying exactly this body counts as the one we just sent.
        const landed = await this.withRetry('read the comments of', () => this.findOurs(octokit, this.options.edit ? undefined : body));
        if (landed?.body === body)
            return { action: 'created', commentId: landed.id, url: landed.html_url };
        if (landed)
            return this.withRetry('update the comment on', () => this.update(octokit, landed.id, body));
        try {
            return await post();
        }
        catch (error) {
            throw new CommentError('comment on', error);
        }
    }
    async update(octokit, commentId, body) {
        const { owner, repo } = this.options.target;
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
        return { action: 'updated', commentId: data.id, url: data.html_url };
    }
    /** Our comment: its body starts with the marker. A Bot's is preferred, then the most recent. */
    async findOurs(octokit, exactBody) {
        const { owner, repo, issueNumber } = this.options.target;
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: issueNumber,
            per_page: 100
        });
        const ours = comments.filter(c => c.body?.startsWith(this.options.marker) && (exactBody === undefined || c.body === exactBody));
        ours.sort((a, b) => Number(isBot(b)) - Number(isBot(a)) ||
            Date.parse(b.created_at) - Date.parse(a.created_at) ||
            b.id - a.id);
        return ours[0];
    }
    async withRetry(stage, attempt) {
        try {
            return await attempt();
        }
        catch (error) {
            if (!isTransient(error))
                throw new CommentError(stage, error);
            await this.pauseBeforeRetry(stage, error);
        }
        try {
            return await attempt();
        }
        catch (error) {
            throw new CommentError(stage, error);
        }
    }
    async pauseBeforeRetry(stage, error) {
        this.log.debug?.(`Could not ${stage} ${where(this.options.target)} (${errorText(error)}); retrying once.`);
        await this.sleep(this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
    }
}
function isBot(comment) {
    return comment.user?.type === 'Bot';
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** Octokit reports a connection failure or timeout as a status-500 error with no response. */
function isTransient(error) {
    const status = statusOf(error);
    const hasResponse = error?.response !== undefined;
    return !hasResponse || (status !== undefined && status >= 500);
}
/** GitHub's own words: `message`, plus the details of a 422 ("body is too long ..."), never the request. */
function errorText(error) {
    const data = error?.response
        ?.data;
    if (typeof data?.message !== 'string')
        return error instanceof Error ? error.message : String(error);
    const details = (Array.isArray(data.errors) ? data.errors : [])
        .map(e => e?.message)
        .filter((m) => typeof m === 'string');
    return details.length > 0 ? `${data.message}: ${details.join('; ')}` : data.message;
}
function where(target) {
    return `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`;
}
function describeFailure(error, target, body) {
    const status = statusOf(error.failure);
    const hasResponse = error.failure?.response !== undefined;
    const what = `Could not ${error.stage} ${where(target)}`;
    const said = `GitHub answered ${status} "${error.message}"`;
    const unaffected = 'The deployment itself is unaffected.';
    if (error.stage === 'set up the GitHub client to comment on') {
        return `${what}: ${error.message}. Check the github-token input. ${unaffected}`;
    }
    if (!hasResponse || (status !== undefined && status >= 500)) {
        const reason = hasResponse
            ? `GitHub answered ${status} twice`
            : `GitHub could not be reached (${error.message})`;
        return `${what}: ${reason}. This is usually temporary; the comment will be written on the next run. ${unaffected}`;
    }
    if (status === 401) {
        return `${what}: ${said}. The token was rejected: check that the github-token input holds a valid, unexpired token. ${unaffected}`;
    }
    if ((status === 403 || status === 429) && /rate limit/i.test(error.message)) {
        return `${what}: ${said}. The token hit GitHub's rate limit; the comment will be written on the next run. ${unaffected}`;
    }
    if (status === 403) {
        return (`${what}: ${said}. The token may not write pull-request comments: add \`permissions: pull-requests: write\` ` +
            'to the job. On a pull request from a fork the token is read-only: skip commenting there ' +
            '(`comment-on-pr: false`), or use `pull_request_target` only if the job never runs code from the fork. ' +
            unaffected);
    }
    if (status === 404) {
        return (`${what}: ${said}. The pull request does not exist or the token cannot see it: check ` +
            `\`comment-on-pr-number\` and that the token has access to ${target.owner}/${target.repo}. ${unaffected}`);
    }
    if (status === 422) {
        return (`${what}: ${said}. GitHub refused the comment body (${body.length} characters; it accepts at most ` +
            `${GITHUB_BODY_LIMIT}). Please report this as a bug in the action. ${unaffected}`);
    }
    return `${what}: ${said}. ${unaffected}`;
}

;// CONCATENATED MODULE: ./src/github/runner.ts


const githubRunner = {
    info: m => info(m),
    debug: m => debug(m),
    notice: (m, title) => notice(m, title ? { title } : {}),
    warning: (m, title) => warning(m, title ? { title } : {}),
    error: (m, title) => error(m, title ? { title } : {}),
    write: chunk => {
        process.stdout.write(chunk);
    },
    setSecret: v => setSecret(v),
    setOutput: (n, v) => setOutput(n, v),
    saveState: (n, v) => saveState(n, v),
    getState: n => getState(n),
    appendSummary: markdown => {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return false;
        (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
        return true;
    },
    setFailed: m => setFailed(m)
};

;// CONCATENATED MODULE: ./src/action/state.ts
/** Names of the values the main step leaves for the post step in the runner's state file. */
const STATE = {
    deploymentId: 'deploymentId',
    stack: 'stack',
    cancelOnAbort: 'cancelOnAbort',
    /** Set once the main step has dealt with the deployment's end itself; the post step then has nothing to do. */
    handled: 'handled'
};

;// CONCATENATED MODULE: ./src/action/cancellation.ts


// A cancelled step must end within 5 seconds: the runner sends SIGTERM and then kills the process soon after its
// SIGINT. Everything after the signal fits in STOP_BUDGET_MS, leaving room for the process to start and exit.
const STOP_BUDGET_MS = 3_500;
/** The most a cancel request may take once the step is being stopped; the rest is for the summary and comment. */
const CANCEL_BUDGET_MS = 2_500;
/** A cancel after a timeout has no runner waiting to kill the step, and gets longer. */
const CANCEL_AFTER_TIMEOUT_MS = 10_000;
async function cancelIfWanted(config, client, id, outcome, runner, stop) {
    const why = outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out';
    if (!config.cancelOnAbort) {
        const status = outcome.deployment?.status;
        const fate = status === 'not-started' || status === 'accepted'
            ? 'stays queued in Pulumi Cloud and will still run'
            : 'keeps running in Pulumi Cloud';
        runner.warning(`${why}; the ${config.operation} deployment ${fate}, because cancelling an operation ` +
            `that changes infrastructure can leave the stack inconsistent (set \`cancel-on-abort: true\` to cancel it).`);
        return 'not-wanted';
    }
    const budgetMs = outcome.kind === 'aborted'
        ? Math.max(500, Math.min(CANCEL_BUDGET_MS, stop.remaining() - 1_000))
        : CANCEL_AFTER_TIMEOUT_MS;
    try {
        const signal = AbortSignal.any([AbortSignal.timeout(budgetMs), stop.outOfTime]);
        await client.cancelDeployment(config.stack, id, { signal });
        // Saved at once, not with the report: a step killed while reporting must not leave the post step a cancel to do.
        runner.saveState(STATE.handled, 'true');
        runner.info(`${why}; the deployment was cancelled.`);
        return 'cancelled';
    }
    catch (error) {
        if (error instanceof errors/* PulumiApiError */.zV && error.status === 409) {
            runner.saveState(STATE.handled, 'true');
            runner.info(`${why}, but the deployment had already ended, so there was nothing to cancel.`);
            return 'ended';
        }
        const message = error instanceof errors/* PulumiApiError */.zV
            ? error.message
            : `Pulumi Cloud did not answer within ${(budgetMs / 1000).toFixed(1)} s.`;
        runner.warning(`${why}, and cancelling the deployment did not succeed: ${message}`);
        return 'failed';
    }
}
/**
 * The runner's cancel signal, and the little time it leaves the step: signals derived from it abort a set time
 * after it, and work that would outlast the step's time is given up.
 */
class Cancellation {
    clock;
    controller = new AbortController();
    stopBy = Number.POSITIVE_INFINITY;
    /** Aborts when the step's time to stop has run out. */
    outOfTime;
    constructor(clock) {
        this.clock = clock;
        this.outOfTime = this.after(STOP_BUDGET_MS);
    }
    get signal() {
        return this.controller.signal;
    }
    get requested() {
        return this.controller.signal.aborted;
    }
    cancel() {
        if (this.requested)
            return;
        this.stopBy = this.clock.now() + STOP_BUDGET_MS;
        this.controller.abort();
    }
    /** Milliseconds left before the step must have ended; infinite until it is cancelled. */
    remaining() {
        return this.stopBy - this.clock.now();
    }
    /** A signal that aborts `ms` after the step is cancelled. */
    after(ms) {
        const delayed = new AbortController();
        const arm = () => {
            // Unreferenced: a pending timer must not keep a finished step's process alive.
            setTimeout(() => delayed.abort(this.signal.reason), ms).unref();
        };
        if (this.requested)
            arm();
        else
            this.signal.addEventListener('abort', arm, { once: true });
        return delayed.signal;
    }
    /** `clock`, except that its waits end at once when the step is cancelled: retries stop, attempts in flight do not. */
    retriesStop(clock) {
        return {
            now: () => clock.now(),
            sleep: (ms, signal) => clock.sleep(ms, signal ? AbortSignal.any([signal, this.signal]) : this.signal)
        };
    }
    /** Waits for `work`, or, once the step is cancelled, until its time runs out; then fails the step in one sentence. */
    async within(work, runner) {
        const late = new Promise(resolve => {
            if (this.outOfTime.aborted)
                resolve('late');
            else
                this.outOfTime.addEventListener('abort', () => resolve('late'), { once: true });
        });
        if ((await Promise.race([work, late])) === 'late') {
            runner.setFailed('The step was cancelled and had to stop before its job summary and pull-request comment were written.');
        }
    }
}

;// CONCATENATED MODULE: ./src/github/oidc.ts
// The job's GitHub OIDC token, which the runner issues to steps of a job with `permissions: id-token: write`
// (config/oidc.ts checks that before any request).
/**
 * Through @actions/core, which masks the token as soon as it has it. Loaded only for an OIDC login: no other run
 * needs the toolkit's OIDC client.
 */
const runnerIdToken = async (audience) => {
    const core = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(779), __nccwpck_require__.e(143)]).then(__nccwpck_require__.bind(__nccwpck_require__, 143));
    return core.getIDToken(audience);
};
/** The audience Pulumi Cloud expects for an organization (spec/WIRE-NOTES.md, Turn 2). */
function pulumiAudience(org) {
    return `urn:pulumi:org:${org}`;
}
/** The ID token, or an Error whose message is one sentence saying what the runner answered. */
async function requestIdToken(source, audience) {
    let token;
    try {
        token = await source(audience);
    }
    catch (error) {
        // @actions/core's messages span lines ("Error message: Failed to get ID Token. \n Error Code : 403 ...").
        const said = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
        throw new IdTokenError(`The runner did not give this job a GitHub OIDC token for the audience ${audience} (${said}): check that ` +
            'the job has `permissions: id-token: write`, then run it again.');
    }
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
        throw new IdTokenError(`The runner answered the request for this job's GitHub OIDC token (audience ${audience}) with something ` +
            'that is not a token; run the job again.');
    }
    return token;
}
class IdTokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'IdTokenError';
    }
}

;// CONCATENATED MODULE: ./src/action/login.ts



/**
 * The config with its Pulumi token, and that token and the ID token among its secrets. Each is masked the moment
 * it is known, before anything else is printed. Throws an IdTokenError or a PulumiApiError with a sentence.
 */
async function logIn(config, deps) {
    const { oidc } = config;
    if (!oidc)
        return config;
    const { runner } = deps;
    const org = config.stack.org;
    const wanted = { org, tokenType: oidc.tokenType, scope: oidc.scope };
    if (oidc.ignoredToken === 'input') {
        runner.warning('Both `oidc-token-type` and `pulumi-access-token` are set: the action logs in with the token Pulumi Cloud ' +
            "issues for this job's GitHub OIDC token and does not use the `pulumi-access-token` input; remove one of them.");
    }
    else if (oidc.ignoredToken === 'env') {
        runner.info('PULUMI_ACCESS_TOKEN is set, but `oidc-token-type` asks for an OIDC login: the action uses the token ' +
            "Pulumi Cloud issues for this job's GitHub OIDC token, not PULUMI_ACCESS_TOKEN.");
    }
    const audience = pulumiAudience(org);
    const idToken = await requestIdToken(deps.idToken, audience);
    runner.setSecret(idToken);
    const exchanged = await exchangeIdToken(deps.exchanger, {
        ...wanted,
        expirationSeconds: oidc.expirationSeconds,
        idToken,
        audience,
        signal: deps.signal
    });
    runner.setSecret(exchanged.token);
    const lifetime = (0,duration/* formatDuration */.a3)((exchanged.expiresIn ?? oidc.expirationSeconds) * 1000);
    runner.info(`Logged in to Pulumi Cloud with ${what(wanted)}, issued for this job's GitHub OIDC token; it expires in ${lifetime}.`);
    return { ...config, token: exchanged.token, secrets: [...config.secrets, idToken, exchanged.token] };
}

;// CONCATENATED MODULE: ./src/action/run.ts
















function processSignals(handler) {
    const onSignal = () => handler();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    };
}
const defaultMainDeps = () => ({
    runner: githubRunner,
    env: process.env,
    clock: systemClock,
    onAbortSignal: processSignals,
    octokitFactory: createOctokitFactory
});
/** A create request already sent when the step is cancelled may answer this long: its answer says what to cancel. */
const CREATE_GRACE_MS = 2_000;
/** The main step. Resolves `true` when the process should exit at once (the step was cancelled). */
async function runMain(deps = defaultMainDeps()) {
    const { runner } = deps;
    let config;
    try {
        config = await readInputs(deps.readInput, deps.env);
    }
    catch (error) {
        if (error instanceof InputError) {
            runner.setFailed(error.message);
            return false;
        }
        throw error;
    }
    if (config.stacks.length > 1) {
        runner.setFailed(`The \`stack\` input names ${config.stacks.length} stacks, but this version of the action deploys one ` +
            'stack per step: give one stack, or use a matrix with one step per stack.');
        return false;
    }
    // Registered before anything else is printed: the runner masks these in every later log line.
    for (const secret of config.secrets)
        runner.setSecret(secret);
    try {
        config = await logIn(config, {
            runner,
            idToken: deps.idToken ?? runnerIdToken,
            exchanger: new PulumiCloudClient({ baseUrl: config.cloudUrl, token: '', clock: deps.clock })
        });
    }
    catch (error) {
        if (!(error instanceof IdTokenError || error instanceof errors/* PulumiApiError */.zV))
            throw error;
        runner.setFailed(new Redactor(config.secrets).redact(error.message));
        return false;
    }
    const redactor = new Redactor(config.secrets);
    const plain = plainSecretLookingVariables(config.settings);
    if (plain.length > 0) {
        // Masked here all the same, but Pulumi Cloud stores a plain value in clear and shows it in its console.
        runner.warning(`The \`settings\` input passes ${plain.map(n => `\`${n}\``).join(', ')} as plain text; write ` +
            `\`${plain[0]}: {secret: ...}\` so Pulumi Cloud stores it encrypted and never shows it.`);
    }
    try {
        return await deploy(config, redactor, deps);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof errors/* PulumiApiError */.zV ||
            error instanceof InputError ||
            error instanceof errors/* AmbiguousCreateError */.J$)
            runner.setFailed(redactor.redact(message));
        else {
            if (error instanceof Error && error.stack)
                runner.debug(redactor.redact(error.stack));
            runner.setFailed(redactor.redact(`The action stopped on an unexpected error: ${message}`));
        }
        return false;
    }
}
async function deploy(config, redactor, deps) {
    const { runner, clock } = deps;
    const started = clock.now();
    const ctx = readEventContext(deps.env);
    // Test-only, set by the end-to-end suites: a backoff base shorter than 1 s keeps runs under injected faults fast.
    const retryBaseMs = Number(deps.env.PULUMI_DEPLOYMENTS_ACTION_RETRY_BASE_MS || NaN);
    const clientOptions = {
        baseUrl: config.cloudUrl,
        token: config.token,
        clock,
        retry: Number.isInteger(retryBaseMs) && retryBaseMs >= 0 ? { baseDelayMs: retryBaseMs } : undefined,
        onRetry: r => runner.debug(`Retrying ${r.method} ${r.path} in ${r.delayMs} ms (attempt ${r.attempt}): ${r.reason}`),
        onWarning: sayOnce(text => runner.warning(redactor.redact(`Pulumi Cloud warns: ${text}`), 'Pulumi Cloud'))
    };
    const client = new PulumiCloudClient(clientOptions);
    const stop = new Cancellation(clock);
    const unsubscribe = deps.onAbortSignal(() => {
        if (!stop.requested)
            runner.info('The step is being cancelled.');
        stop.cancel();
    });
    const cancelledBeforeCreate = () => {
        runner.setFailed('The step was cancelled before a deployment was created; nothing was deployed.');
        return true;
    };
    try {
        let stackSettings;
        try {
            stackSettings = needsStackSettings(config.commit, config.settings, config.inheritSettings)
                ? await client.getSettings(config.stack, { signal: stop.signal })
                : undefined;
        }
        catch (error) {
            if (stop.requested)
                return cancelledBeforeCreate();
            throw error;
        }
        const pin = resolveCommitPin(config.commit, ctx, config.settings, stackSettings, config.inheritSettings);
        runner.info(pin.reason);
        const request = {
            ...applyCommitPin(config.settings, pin),
            operation: config.operation,
            inheritSettings: config.inheritSettings
        };
        if (stop.requested)
            return cancelledBeforeCreate();
        // A create already sent when the signal comes is let finish, so that the deployment it made is known (and
        // cancelled if cancel-on-abort says so) instead of left behind unseen; but it is never sent again.
        const createClient = new PulumiCloudClient({ ...clientOptions, clock: stop.retriesStop(clock) });
        let created;
        try {
            created = await createClient.createDeployment(config.stack, request, {
                signal: stop.after(CREATE_GRACE_MS)
            });
        }
        catch (error) {
            if (!stop.requested)
                throw error;
            runner.setFailed(`The step was cancelled while the ${config.operation} deployment of ${config.stackName} was being ` +
                `created, and Pulumi Cloud did not answer in time: it may have created it all the same. Check the ` +
                `stack's deployments in the Pulumi Cloud console${config.cancelOnAbort ? ' and cancel it there' : ''}.`);
            return true;
        }
        // Saved at once: if the runner kills this step, the post step finds the deployment to cancel.
        runner.saveState(STATE.deploymentId, created.id);
        runner.saveState(STATE.stack, config.stackName);
        runner.saveState(STATE.cancelOnAbort, String(config.cancelOnAbort));
        announce(config, created, runner);
        // Following and reporting are loaded only now: none of that code may delay the first request.
        const stage = await __nccwpck_require__.e(/* import() */ 295).then(__nccwpck_require__.bind(__nccwpck_require__, 4295));
        const commenter = makeCommenter(config, ctx, deps, runner, stage);
        const base = {
            stack: config.stackName,
            operation: config.operation,
            deploymentId: created.id,
            version: created.version,
            consoleUrl: created.consoleUrl,
            commit: pin.commit,
            commitUrl: pin.commit && ctx.repository ? `${ctx.serverUrl}/${ctx.repository}/commit/${pin.commit}` : undefined,
            runUrl: ctx.runUrl
        };
        const progressComment = Promise.resolve(commenter?.upsert(redactor.redact(stage.buildCommentBody({ ...base, status: 'not-started', steps: [] }))));
        if (!config.wait) {
            runner.setOutput('status', 'not-started');
            const report = { ...base, status: 'created', steps: [] };
            await stop.within(progressComment.then(() => finish(stage, config, report, undefined, deps, commenter, redactor, true)), runner);
            return stop.requested;
        }
        const logPath = logFilePath(deps.env, created.id);
        const logFile = openLogFile(logPath);
        const renderer = new stage.LogRenderer({
            write: chunk => runner.write(chunk),
            logFile,
            redact: s => redactor.redact(s),
            operation: config.operation
        });
        const follower = new stage.DeploymentFollower(client, clock, { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }, entries => renderer.push(entries), deployment => {
            // The end is said outside the last step's fold, where a reader looks for it.
            if ((0,types/* isTerminal */.Hd)(deployment.status))
                renderer.close();
            describeStatus(deployment, runner);
        });
        let outcome;
        try {
            outcome = await follower.follow({
                stack: config.stack,
                deploymentId: created.id,
                pollIntervalMs: config.pollIntervalMs,
                deadline: config.timeoutMs === undefined ? undefined : started + config.timeoutMs,
                signal: stop.signal
            });
        }
        finally {
            renderer.close();
            await closeLogFile(logFile);
        }
        runner.setOutput('log-file', logPath);
        // Cancelling comes first: a slow pull-request comment must not hold up the cancel of a deployment.
        const ending = outcome.kind === 'terminal'
            ? 'ended'
            : await cancelIfWanted(config, client, created.id, outcome, runner, stop);
        const cancelled = ending === 'cancelled';
        const report = stage.buildReport({ base, outcome, renderer, cancelled, timeoutMs: config.timeoutMs });
        if (outcome.kind !== 'terminal' && ending === 'ended') {
            const why = outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out';
            report.message = `${why} after the deployment had already ended, so there was nothing to cancel; see its result in the Pulumi console.`;
        }
        // A cancel that did not go through is left to the post step, which tries again.
        const handled = ending !== 'failed';
        await stop.within(progressComment.then(() => finish(stage, config, report, outcome.deployment, deps, commenter, redactor, handled)), runner);
        return stop.requested;
    }
    finally {
        unsubscribe();
    }
}
function announce(config, created, runner) {
    runner.setOutput('deployment-id', created.id);
    runner.setOutput('deployment-version', String(created.version));
    runner.setOutput('console-url', created.consoleUrl);
    runner.setOutput('status', 'not-started');
    const how = 'recovered' in created && created.recovered ? ' (found after an interrupted create request)' : '';
    runner.notice(`Deployment ${created.version} of ${config.stackName} (${config.operation}) was created${how}: ${created.consoleUrl}`, 'Pulumi Deployment');
}
function describeStatus(deployment, runner) {
    runner.setOutput('status', deployment.status);
    const text = {
        'not-started': 'is queued and has not started yet',
        accepted: 'was accepted and is waiting for a runner',
        running: 'is running',
        succeeded: 'succeeded',
        failed: 'failed',
        skipped: 'was skipped'
    };
    runner.info(`Deployment ${deployment.version} ${text[deployment.status] ?? `is ${deployment.status}`}.`);
}
function makeCommenter(config, ctx, deps, runner, stage) {
    const issueNumber = pullRequestToComment(config, ctx);
    if (issueNumber === undefined || !ctx.repository)
        return undefined;
    if (!config.githubToken) {
        runner.warning('No `github-token` was given, so the pull request is not commented on.');
        return undefined;
    }
    const [owner = '', repo = ''] = ctx.repository.split('/');
    return new PrCommenter({
        octokit: deps.octokitFactory(config.githubToken, ctx.apiUrl),
        target: { owner, repo, issueNumber },
        marker: stage.commentMarker(config.stackName, config.operation),
        edit: config.editPrComment,
        log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
    });
}
async function finish(stage, config, report, deployment, deps, commenter, redactor, handled) {
    await stage.reportOutcome({ config, report, deployment, runner: deps.runner, commenter, redactor });
    if (handled)
        deps.runner.saveState(STATE.handled, 'true');
}
function logFilePath(env, id) {
    const dir = env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)();
    (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
    return (0,external_node_path_namespaceObject.join)(dir, `pulumi-deployment-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.log`);
}
function openLogFile(path) {
    return (0,external_node_fs_namespaceObject.createWriteStream)(path, { encoding: 'utf8' });
}
function closeLogFile(stream) {
    return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
    });
}
/** One sink for the warnings of every client of the run, so the same text is said once. */
function sayOnce(say) {
    const said = new Set();
    return text => {
        if (said.has(text))
            return;
        said.add(text);
        say(text);
    };
}

;// CONCATENATED MODULE: ./src/action/post.ts







/**
 * The post step runs only when the job was cancelled (`post-if: cancelled()`). If the main step was killed before
 * it could deal with its deployment, this cancels the deployment when `cancel-on-abort` asks for it.
 */
async function runPost(runner = githubRunner, env = process.env, idToken = runnerIdToken) {
    const id = runner.getState(STATE.deploymentId);
    if (!id || runner.getState(STATE.handled) === 'true')
        return;
    const stack = parseStackRef(runner.getState(STATE.stack));
    if (!stack)
        return;
    if (runner.getState(STATE.cancelOnAbort) !== 'true') {
        runner.info(`Deployment ${id} was left running: \`cancel-on-abort\` is off for this operation.`);
        return;
    }
    let token;
    let cloudUrl;
    try {
        const given = await readInputs(undefined, env);
        for (const secret of given.secrets)
            runner.setSecret(secret);
        ({ token, cloudUrl } = await logIn(given, {
            runner,
            idToken,
            exchanger: new PulumiCloudClient({ baseUrl: given.cloudUrl, token: '', clock: systemClock }),
            signal: AbortSignal.timeout(10_000)
        }));
    }
    catch (error) {
        if (error instanceof InputError || error instanceof IdTokenError || error instanceof errors/* PulumiApiError */.zV) {
            runner.warning(`Could not cancel deployment ${id}: ${error.message}`);
            return;
        }
        throw error;
    }
    const client = new PulumiCloudClient({ baseUrl: cloudUrl, token, clock: systemClock });
    try {
        await client.cancelDeployment(stack, id, { signal: AbortSignal.timeout(10_000) });
        runner.info(`The job was cancelled; deployment ${id} was cancelled too.`);
    }
    catch (error) {
        // 409: the deployment had already ended, so there was nothing left to cancel.
        if (error instanceof errors/* PulumiApiError */.zV && error.status === 409) {
            runner.info(`Deployment ${id} had already ended; nothing to cancel.`);
            return;
        }
        runner.warning(`The job was cancelled, and cancelling deployment ${id} did not succeed: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/main.ts



// GitHub runs dist/index.js twice: as the main step and, when the job is cancelled, as the post step. The state
// file tells them apart: the main step marks it before anything else.
const POST_MARK = 'isPost';
async function run() {
    if (getState(POST_MARK) === 'true') {
        await runPost();
        return;
    }
    saveState(POST_MARK, 'true');
    const cancelled = await runMain();
    // A cancelled step must end within seconds, whatever sockets or timers are still open.
    if (cancelled)
        process.exit();
}


/***/ }),

/***/ 4476:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dw: () => (/* binding */ createWithoutDuplicates),
/* harmony export */   nk: () => (/* binding */ parsePulumiTime)
/* harmony export */ });
/* unused harmony exports CLOCK_SKEW_TOLERANCE_MS, isCandidate */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9863);

// `created` is the server's clock and the send time the runner's; a deployment created up to this long before we
// sent still counts as possibly ours. Hosted runners keep time to well under a second; the margin is for
// self-hosted ones, kept small because a deployment someone else started in it would be taken for ours.
const CLOCK_SKEW_TOLERANCE_MS = 30_000;
const LOOKUP_PAGE_SIZE = 20;
const LOOKUP_MAX_PAGES = 5;
// Listed deployments carry no commit; with a pinned commit, up to this many candidates are read one by one to
// compare it. More than that is ambiguous anyway.
const MAX_COMMIT_CHECKS = 5;
/**
 * - `resend`: the server provably did not act (the connection was never made), so sending again cannot duplicate.
 * - `look`: it may have acted (reset after sending, timeout, any 5xx, and 429): read the stack's deployments before
 *   deciding. A 503 or 429 is no proof either: a proxy answers 503 when the service dropped a request it had
 *   already carried out, and a 429 can come from deep inside a handler that already created the deployment.
 * - `accepted`: a 2xx arrived with an unreadable body; it was processed, so it is never sent again.
 * - `final`: a 4xx answer; nothing to retry.
 */
function disposition(failure) {
    switch (failure.kind) {
        case 'network':
            return failure.notSent ? 'resend' : 'look';
        case 'timeout':
            return 'look';
        case 'bad-body':
            return 'accepted';
        case 'status':
            if (failure.status >= 500 || failure.status === 429 || failure.status === 408)
                return 'look';
            return 'final';
    }
}
/** Creates a deployment, retrying only where that cannot start a second one. */
async function createWithoutDuplicates(io, stack, request, signal) {
    let firstSentAt;
    for (;;) {
        signal?.throwIfAborted();
        const sentAt = io.clock.now();
        firstSentAt ??= sentAt;
        const attempt = io.budget.countAttempt();
        const result = await io.sendCreate(signal);
        if (result.ok)
            return result.value;
        const { failure } = result;
        const kind = disposition(failure);
        if (kind === 'final')
            throw io.fail(failure, attempt);
        const delay = io.budget.nextDelay(failure.kind === 'status' ? failure.retryAfterMs : undefined);
        if (kind === 'resend') {
            if (delay === undefined)
                throw io.fail(failure, attempt);
            io.notifyRetry(attempt, delay, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(failure)}; Pulumi Cloud did not process it`);
            await io.clock.sleep(delay, signal);
            continue;
        }
        // Waiting before the look-up, not after, gives a request still in flight on the server time to land in the
        // list; otherwise it could be missed and sent a second time.
        if (delay !== undefined) {
            io.notifyRetry(attempt, delay, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(failure)}; checking the stack's deployments before sending again`);
            await io.clock.sleep(delay, signal);
        }
        const candidates = await findCandidates(io, stack, request, firstSentAt - CLOCK_SKEW_TOLERANCE_MS, failure, signal);
        const [only] = candidates;
        if (only && candidates.length === 1) {
            return { id: only.id, version: only.version, consoleUrl: io.consoleUrl(only.version), recovered: true };
        }
        if (candidates.length > 1) {
            throw ambiguous(stack, request, `the create request failed after it was sent (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(failure)}), and ${candidates.length} ` +
                `recent deployments could be it: ${candidates.map(describeCandidate).join('; ')}`, candidates);
        }
        if (kind === 'accepted') {
            throw ambiguous(stack, request, `Pulumi Cloud accepted the request (HTTP ${failure.kind === 'bad-body' ? failure.status : ''}) but its ` +
                `answer was cut short, and the deployment is not yet among the stack's recent deployments`, []);
        }
        if (delay === undefined)
            throw io.fail(failure, attempt);
    }
}
async function findCandidates(io, stack, request, notBefore, failure, signal) {
    let found = [];
    try {
        for (let page = 1; page <= LOOKUP_MAX_PAGES; page++) {
            const { deployments } = await io.listRecent(page, LOOKUP_PAGE_SIZE, signal);
            found.push(...deployments.filter(d => isCandidate(d, request, notBefore)));
            const oldest = deployments.at(-1);
            const oldestTime = oldest ? parsePulumiTime(oldest.created) : undefined;
            if (deployments.length < LOOKUP_PAGE_SIZE || (oldestTime !== undefined && oldestTime < notBefore))
                break;
        }
        const pinned = request.sourceContext?.git?.commit;
        if (pinned && found.length <= MAX_COMMIT_CHECKS && found.some(d => !d.configuration)) {
            const full = [];
            for (const d of found)
                full.push(d.configuration ? d : await io.getDeployment(d.id, signal));
            found = full.filter(d => isCandidate(d, request, notBefore));
        }
    }
    catch (error) {
        if (signal?.aborted)
            throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw ambiguous(stack, request, `the create request failed after it was sent (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(failure)}), and the stack's deployments ` +
            `could not be read to check: ${why}`, found.map(asCandidate));
    }
    return found.map(asCandidate);
}
function asCandidate(d) {
    return { id: d.id, version: d.version, created: d.created };
}
/** Whether a listed deployment could be the one our create started. */
function isCandidate(d, request, notBefore) {
    if (d.pulumiOperation && d.pulumiOperation !== request.operation)
        return false;
    const created = parsePulumiTime(d.created);
    if (created !== undefined && created < notBefore)
        return false;
    const pinned = request.sourceContext?.git?.commit;
    const theirs = d.configuration?.source?.git?.commit;
    if (pinned && theirs && !sameCommit(pinned, theirs))
        return false;
    return true;
}
// Either side may be abbreviated.
function sameCommit(a, b) {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x.startsWith(y) || y.startsWith(x);
}
/** Pulumi's `2022-10-17 22:12:34.834` (UTC), or RFC 3339; undefined when neither. */
function parsePulumiTime(text) {
    const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text?.trim() ?? '');
    if (!match)
        return undefined;
    const [, date, time, fraction = '', zone = 'Z'] = match;
    const ms = Date.parse(`${date}T${time}${fraction.slice(0, 4)}${zone}`);
    return Number.isNaN(ms) ? undefined : ms;
}
function describeCandidate(c) {
    return `version ${c.version} (id ${c.id}, created ${c.created} UTC)`;
}
function ambiguous(stack, request, why, candidates) {
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatStackRef */ .ju)(stack);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AmbiguousCreateError */ .J$(`Pulumi Cloud may or may not have created the ${request.operation} deployment for stack ${name}: ${why}. ` +
        `Check the stack's deployments in the Pulumi Cloud console before running again, so the ${request.operation} ` +
        `does not run twice.`, stack, candidates);
}


/***/ }),

/***/ 9863:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   J$: () => (/* binding */ AmbiguousCreateError),
/* harmony export */   hy: () => (/* binding */ isRetryableFailure),
/* harmony export */   ju: () => (/* binding */ formatStackRef),
/* harmony export */   pb: () => (/* binding */ apiError),
/* harmony export */   zV: () => (/* binding */ PulumiApiError)
/* harmony export */ });
/** A Pulumi Cloud request that failed; `message` is a sentence for the user. Never contains the access token. */
class PulumiApiError extends Error {
    status;
    method;
    path;
    serverMessage;
    stackRef;
    retryable;
    attempts;
    retryAfterMs;
    constructor(message, details) {
        super(message);
        this.name = 'PulumiApiError';
        this.status = details.status;
        this.method = details.method;
        this.path = details.path;
        this.serverMessage = details.serverMessage;
        this.stackRef = details.stackRef;
        this.retryable = details.retryable;
        this.attempts = details.attempts;
        this.retryAfterMs = details.retryAfterMs;
    }
}
/**
 * A create whose fate is unknown: it failed after being sent, and the stack's deployments could not settle whether
 * it was processed (none could be read, or more than one could be it). Running again might deploy twice.
 */
class AmbiguousCreateError extends Error {
    stackRef;
    candidates;
    constructor(message, stackRef, candidates) {
        super(message);
        this.name = 'AmbiguousCreateError';
        this.stackRef = stackRef;
        this.candidates = candidates;
    }
}
function formatStackRef(s) {
    return `${s.org}/${s.project}/${s.stack}`;
}
function isRetryableFailure(failure) {
    if (failure.kind !== 'status')
        return true;
    return failure.status >= 500 || failure.status === 429 || failure.status === 408;
}
/** A short phrase for logs: "HTTP 503", "connection reset (ECONNRESET)". */
function describeFailure(failure) {
    switch (failure.kind) {
        case 'status':
            return `HTTP ${failure.status}${failure.retryAfterMs !== undefined ? ` (Retry-After ${failure.retryAfterMs} ms)` : ''}`;
        case 'network':
            return failure.notSent
                ? `could not connect (${failure.code})`
                : `connection failed after sending (${failure.code})`;
        case 'timeout':
            return `no answer within ${failure.afterMs} ms`;
        case 'bad-body':
            return `HTTP ${failure.status} with an incomplete or unreadable body`;
    }
}
function apiError(failure, ctx, attempts) {
    return new PulumiApiError(messageFor(failure, ctx, attempts), {
        status: failure.kind === 'status' || failure.kind === 'bad-body' ? failure.status : 0,
        method: ctx.method,
        path: ctx.path,
        serverMessage: failure.kind === 'status' ? failure.serverMessage : undefined,
        stackRef: ctx.stackRef,
        retryable: isRetryableFailure(failure),
        attempts,
        retryAfterMs: failure.kind === 'status' ? failure.retryAfterMs : undefined
    });
}
function messageFor(failure, ctx, attempts) {
    const where = ctx.stackRef
        ? ` for stack ${formatStackRef(ctx.stackRef)}`
        : ctx.org
            ? ` for organization ${ctx.org}`
            : '';
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    switch (failure.kind) {
        case 'network':
            return (`Could not reach Pulumi Cloud at ${origin(ctx.baseUrl)} to ${ctx.action}${where}: ${describeFailure(failure)}` +
                `${tries}. Check that the Pulumi Cloud URL is right and that the runner's network or proxy lets it through, ` +
                `then try again.`);
        case 'timeout':
            return (`Pulumi Cloud did not answer within ${Math.round(failure.afterMs / 1000)} s when asked to ${ctx.action}${where}` +
                `${tries}. Pulumi Cloud may be unavailable; try again in a few minutes.`);
        case 'bad-body':
            return (`Pulumi Cloud sent an incomplete or unreadable answer (HTTP ${failure.status}) when asked to ${ctx.action}` +
                `${where}${tries}. Pulumi Cloud may be having trouble; try again in a few minutes.`);
        case 'status':
            return statusMessage(failure, ctx, where, tries);
    }
}
function statusMessage(failure, ctx, where, tries) {
    const said = failure.serverMessage ? ` Pulumi Cloud said: ${failure.serverMessage}` : '';
    const saidSentence = said ? `${said.replace(/\.?$/, '.')}` : '';
    const stack = ctx.stackRef ? formatStackRef(ctx.stackRef) : undefined;
    const org = ctx.stackRef?.org ?? ctx.org;
    switch (failure.status) {
        case 400:
            return (`Pulumi Cloud rejected the request to ${ctx.action}${where} (400 Bad Request): ` +
                `${failure.serverMessage ?? 'it gave no reason'}. Correct the settings or inputs it names and run again.`);
        case 401:
            return (`Pulumi Cloud did not accept the access token (401 Unauthorized) when asked to ${ctx.action}${where}: the ` +
                `token is missing, invalid or expired. Set the \`pulumi-access-token\` input or the PULUMI_ACCESS_TOKEN ` +
                `environment variable to a valid Pulumi access token.`);
        case 402:
            return (`Pulumi Cloud refused to ${ctx.action}${where} because the organization ${org ?? ''}'s plan does not ` +
                `include it (402 Payment Required). Pulumi Deployments needs a paid tier, and drift detection and ` +
                `remediation need Business Critical; upgrade the plan or use another organization.${saidSentence}`);
        case 403:
            return (`The Pulumi access token does not have permission to ${ctx.action}${where} (403 Forbidden). Use a token ` +
                `whose user, team or organization has access to ${stack ? `the stack ${stack}` : `the organization ${org ?? ''}`}` +
                `${ctx.subject === 'org' && ctx.method !== 'GET' ? '; pausing or resuming an organization needs an organization admin' : ''}.` +
                saidSentence);
        case 404:
            return notFoundMessage(ctx, stack) + saidSentence;
        case 409:
            return (`Pulumi Cloud refused to ${ctx.action}${where} because it conflicts with the current state (409 Conflict)` +
                `${ctx.subject === 'deployment' ? ', for example because the deployment has already finished' : ''}.` +
                saidSentence);
        case 429:
            return (`Pulumi Cloud kept limiting the rate of requests (429 Too Many Requests) when asked to ${ctx.action}${where}` +
                `${tries}. Wait a few minutes before running again, and run fewer workflows against Pulumi Cloud at once.`);
        default:
            if (failure.status >= 500) {
                const support = failure.requestId
                    ? ` If it keeps failing, give Pulumi support the request ID ${failure.requestId}.`
                    : '';
                return (`Pulumi Cloud is unavailable: it answered HTTP ${failure.status} when asked to ${ctx.action}${where}` +
                    `${tries}. Try again in a few minutes.${saidSentence}${support}`);
            }
            return `Pulumi Cloud refused to ${ctx.action}${where} (HTTP ${failure.status}).${saidSentence}`;
    }
}
function notFoundMessage(ctx, stack) {
    if (ctx.subject === 'deployment' && stack) {
        return (`Deployment ${ctx.deployment ?? ''} of stack ${stack} was not found (404 Not Found) when asked to ` +
            `${ctx.action}: it may belong to another stack, or the access token cannot see it.`);
    }
    if (ctx.subject === 'org' || !stack) {
        return (`The Pulumi organization ${ctx.org ?? ''} does not exist, or the access token cannot see it (404 Not Found), ` +
            `when asked to ${ctx.action}. Check the organization name and the token.`);
    }
    return (`The stack ${stack} does not exist in Pulumi Cloud, or the access token cannot see it (404 Not Found), when ` +
        `asked to ${ctx.action}. Check the stack name (organization/project/stack), create the stack if it is new, and ` +
        `use a token with access to it.`);
}
function origin(baseUrl) {
    try {
        return new URL(baseUrl).origin;
    }
    catch {
        return baseUrl;
    }
}


/***/ }),

/***/ 4203:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   UQ: () => (/* binding */ PULUMI_OPERATIONS)
/* harmony export */ });
/* unused harmony exports DEPLOYMENT_STATUSES, TERMINAL_STATUSES */
// Wire types of the Pulumi Cloud Deployments API, written from spec/deployments-openapi.json (the authority on
// names and shapes). Only what this action and its fake use is typed; unknown fields pass through untouched.
const PULUMI_OPERATIONS = [
    'update',
    'preview',
    'refresh',
    'destroy',
    'detect-drift',
    'remediate-drift'
];
const DEPLOYMENT_STATUSES = (/* unused pure expression or super */ null && ([
    'not-started',
    'accepted',
    'running',
    'succeeded',
    'failed',
    'skipped'
]));
// There is no "cancelled": a cancelled or timed-out deployment ends "failed" (WIRE-NOTES.md).
const TERMINAL_STATUSES = ['succeeded', 'failed', 'skipped'];
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
