export const id = 685;
export const ids = [685];
export const modules = {

/***/ 4876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QT: () => (/* binding */ openGitHubRecords),
  yo: () => (/* binding */ recordCreated),
  $f: () => (/* binding */ recordEnd)
});

// UNUSED EXPORTS: environmentUrl, finalState

// EXTERNAL MODULE: ./src/config/fleet-inputs.ts
var fleet_inputs = __webpack_require__(3694);
;// CONCATENATED MODULE: ./src/github/deployments.ts
class GitHubDeployments {
    o;
    disabled = false;
    // One request at a time: statuses of one deployment must arrive in order, and a few stacks need no more.
    queue = Promise.resolve();
    constructor(o) {
        this.o = o;
    }
    /** Creates the deployment and its `queued` status. */
    start(input) {
        const record = { stack: input.stack, environment: input.environment };
        void this.enqueue(async (octokit) => {
            const { data } = await octokit.rest.repos.createDeployment({
                owner: this.o.owner,
                repo: this.o.repo,
                ref: input.ref,
                environment: input.environment,
                description: input.description.slice(0, 140),
                // The commit was already checked by the workflow that runs this; GitHub must not hold the record back.
                required_contexts: [],
                auto_merge: false,
                payload: { stack: input.stack }
            });
            if (!('id' in data) || typeof data.id !== 'number')
                throw new Error('GitHub answered the create without a deployment');
            record.id = data.id;
        }, record);
        void this.status(record, 'queued');
        return record;
    }
    /** Moves the record on; a state already sent, or sent after the end, is not sent again. */
    status(record, state, extra = {}) {
        if (record.last === state || isFinal(record.last))
            return this.queue.then(() => undefined);
        record.last = state;
        return this.enqueue(async (octokit) => {
            if (record.id === undefined)
                return;
            await octokit.rest.repos.createDeploymentStatus({
                owner: this.o.owner,
                repo: this.o.repo,
                deployment_id: record.id,
                state,
                ...(this.o.runUrl ? { log_url: this.o.runUrl } : {}),
                ...(extra.environmentUrl ? { environment_url: extra.environmentUrl } : {}),
                ...(extra.description ? { description: extra.description.slice(0, 140) } : {}),
                // Each stack's environment holds its own latest deployment; GitHub must not retire the others'.
                auto_inactive: false
            });
        }, record);
    }
    /** Resolves once every record and status asked for so far has been sent (or given up on). */
    settled() {
        return this.queue.then(() => undefined);
    }
    enqueue(work, record) {
        const next = this.queue.then(async () => {
            if (this.disabled || record.failed)
                return;
            try {
                await work(await this.o.octokit());
            }
            catch (error) {
                record.failed = true;
                this.fail(error, record);
            }
        });
        this.queue = next;
        return next;
    }
    fail(error, record) {
        const status = error?.status;
        if (status === 403 || status === 404) {
            // The same answer would come for every stack: said once, and nothing more is asked.
            this.disabled = true;
            this.o.log.warning(`Could not record the deployment of ${record.stack} in the GitHub environment "${record.environment}": ` +
                `GitHub answered ${status}. The github-token needs \`permissions: deployments: write\` in the job; ` +
                'no GitHub deployments are recorded for this step. The Pulumi deployments are unaffected.');
            return;
        }
        const reason = error instanceof Error ? error.message : String(error);
        this.o.log.warning(`Could not record the deployment of ${record.stack} in the GitHub environment "${record.environment}" ` +
            `(${reason}). The Pulumi deployment is unaffected.`);
    }
}
function isFinal(state) {
    return state === 'success' || state === 'failure' || state === 'error' || state === 'inactive';
}

// EXTERNAL MODULE: ./src/report/markup.ts
var markup = __webpack_require__(8132);
;// CONCATENATED MODULE: ./src/action/github-records.ts
// The step's side of GitHub's deployment records (`github-environment`): which operations are recorded, which
// environment and commit each stack's record names, and which state and URL its end gives it.



// A preview or a drift check changes nothing, so it is no deployment of an environment.
const RECORDED = new Set(['update', 'destroy', 'refresh', 'remediate-drift']);
function openGitHubRecords(config, runner, ctx, octokitFactory) {
    if (config.githubEnvironment === '' || !RECORDED.has(config.operation))
        return undefined;
    if (!ctx.repository) {
        runner.warning('GITHUB_REPOSITORY is not set, so no GitHub deployment is recorded (`github-environment`).');
        return undefined;
    }
    if (!config.githubToken) {
        runner.warning('No `github-token` was given, so no GitHub deployment is recorded (`github-environment`).');
        return undefined;
    }
    const [owner = '', repo = ''] = ctx.repository.split('/');
    return new GitHubDeployments({
        octokit: octokitFactory(config.githubToken, ctx.apiUrl),
        owner,
        repo,
        runUrl: ctx.runUrl,
        log: { warning: m => runner.warning(m), debug: m => runner.debug(m) }
    });
}
/** Records a stack's deployment once Pulumi Cloud has it: on the commit it runs, or else the event's. */
function recordCreated(records, config, created, ctx) {
    const ref = created.pin.commit ?? ctx.sha ?? ctx.ref;
    if (!ref)
        return undefined;
    return records.start({
        stack: config.stackName,
        environment: (0,fleet_inputs/* environmentName */.V)(config.githubEnvironment, config.stack),
        ref,
        description: `Pulumi ${config.operation} of ${config.stackName} (deployment ${created.deployment.version})`
    });
}
/** What a stack's end makes of its record. */
function finalState(report) {
    switch (report.status) {
        case 'succeeded':
            return 'success';
        case 'failed':
            return 'failure';
        case 'skipped':
        case 'not-run':
            return 'inactive';
        case 'timed-out':
        case 'cancelled':
            return 'error';
        default:
            // Not waited for: the action never saw its end.
            return undefined;
    }
}
/** The stack output named by `environment-url-output` when it is a plain http(s) URL; else the console page. */
function environmentUrl(config, report, outputs) {
    if (config.environmentUrlOutput !== '') {
        const output = outputs?.outputs.find(o => o.name === config.environmentUrlOutput);
        // A secret never leaves for GitHub, even as a link.
        if (output && !output.secret && typeof output.value === 'string' && (0,markup/* safeUrl */.Pl)(output.value))
            return output.value;
    }
    return (0,markup/* safeUrl */.Pl)(report.consoleUrl) ? report.consoleUrl : undefined;
}
async function recordEnd(records, record, config, report, outputs) {
    const state = record && finalState(report);
    if (!record || !state)
        return;
    await records.status(record, state, {
        environmentUrl: environmentUrl(config, report, outputs),
        description: `Pulumi ${config.operation} ${state === 'success' ? 'succeeded' : `ended as ${report.status}`}`
    });
}


/***/ }),

/***/ 8392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ readResults)
});

;// CONCATENATED MODULE: ./src/deployment/resource-changes.ts
const OP_OF_STEP = {
    create: 'create',
    update: 'update',
    delete: 'delete',
    replace: 'replace',
    'create-replacement': 'replace',
    'delete-replaced': 'replace',
    'read-replacement': 'replace',
    'import-replacement': 'replace',
    'discard-replaced': 'replace',
    import: 'import',
    discard: 'discard',
    refresh: 'refresh'
};
const DANGER_ORDER = [
    'delete',
    'replace',
    'create',
    'update',
    'import',
    'discard',
    'refresh'
];
// Bounds what one report can hold, whatever an update sends.
const MAX_RESOURCES = 20_000;
const MAX_FINDINGS = 200;
/** `urn:pulumi:dev::web::aws:s3:Bucket::assets` → `assets`; a name may itself hold `::`, the type never does. */
function nameOfUrn(urn, type) {
    const marker = `::${type}::`;
    const at = urn.indexOf(marker);
    if (at >= 0)
        return urn.slice(at + marker.length);
    return urn.slice(urn.lastIndexOf('::') + 2) || urn;
}
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };
class EngineEventReducer {
    byUrn = new Map();
    types = new Map();
    policies = [];
    errors = [];
    failed = [];
    lastErrorOf = new Map();
    summary;
    omitted = 0;
    feed(events) {
        for (const event of events) {
            switch (event.kind) {
                case 'resource-pre':
                    this.step(event.step);
                    break;
                case 'resource-failed':
                    this.failure(event.step);
                    break;
                case 'diagnostic':
                    if (event.severity === 'error')
                        this.error(event.message, event.urn);
                    break;
                case 'policy':
                    if (this.policies.length >= MAX_FINDINGS)
                        this.omitted++;
                    else {
                        const { urn, ...rest } = event.policy;
                        this.policies.push({ ...rest, resource: this.resourceOf(urn) });
                    }
                    break;
                case 'summary':
                    this.summary = event.resourceChanges;
                    break;
                default:
                    break;
            }
        }
    }
    result() {
        const rank = (op) => DANGER_ORDER.indexOf(op);
        // A stable sort: within one kind of change, resources keep the engine's order.
        const resources = [...this.byUrn.values()].sort((a, b) => rank(a.op) - rank(b.op));
        const mandatory = (p) => (p.enforcementLevel === 'mandatory' ? 0 : 1);
        const policyViolations = [...this.policies].sort((a, b) => mandatory(a) - mandatory(b) || (SEVERITY_RANK[a.severity] ?? 4) - (SEVERITY_RANK[b.severity] ?? 4));
        // Errors about a resource say more than the closing `update failed`: they come first.
        const errors = [...this.errors].sort((a, b) => Number(!a.resource) - Number(!b.resource));
        return {
            resources,
            policyViolations,
            errors,
            failedResources: [...this.failed],
            summaryChanges: this.summary,
            omitted: this.omitted
        };
    }
    resourceOf(urn) {
        if (!urn)
            return undefined;
        const type = this.types.get(urn) ?? /::([^:]+:[^:]*:[^:]+)::/.exec(urn)?.[1] ?? '';
        return { name: nameOfUrn(urn, type), type };
    }
    step(step) {
        this.types.set(step.urn, step.type);
        const op = OP_OF_STEP[step.op];
        // An unchanged resource, a read, or a refresh that found nothing different is not a change.
        if (!op || (op === 'refresh' && step.changes.length === 0))
            return;
        const known = this.byUrn.get(step.urn);
        if (known) {
            // A replacement's steps all land on one row; the step that carries the diff gives its properties.
            if (op === 'replace')
                known.op = 'replace';
            if (known.changes.length === 0)
                known.changes = step.changes;
            return;
        }
        if (this.byUrn.size >= MAX_RESOURCES) {
            this.omitted++;
            return;
        }
        this.byUrn.set(step.urn, {
            op,
            urn: step.urn,
            type: step.type,
            name: nameOfUrn(step.urn, step.type),
            changes: step.changes
        });
    }
    failure(step) {
        if (this.failed.length >= MAX_FINDINGS) {
            this.omitted++;
            return;
        }
        this.failed.push({
            name: nameOfUrn(step.urn, step.type),
            type: step.type,
            op: OP_OF_STEP[step.op] ?? 'update',
            message: this.lastErrorOf.get(step.urn)
        });
    }
    error(message, urn) {
        if (urn)
            this.lastErrorOf.set(urn, message);
        if (this.errors.length >= MAX_FINDINGS) {
            this.omitted++;
            return;
        }
        const resource = this.resourceOf(urn);
        // The stack's own closing error (`update failed`) names no resource worth showing.
        this.errors.push({ message, resource: resource?.type === 'pulumi:pulumi:Stack' ? undefined : resource });
    }
}

;// CONCATENATED MODULE: ./src/deployment/results.ts

// An update with more pages than this is read no further: the report says it is incomplete.
const MAX_PAGES = 2_000;
function reason(error) {
    return error instanceof Error ? error.message : String(error);
}
function changeSummaryOf(changes) {
    return Object.fromEntries(changes);
}
async function readOperationResults(api, stack, deploymentId, what, log, signal) {
    let update;
    try {
        update = (await api.getDeploymentUpdates(stack, deploymentId, { signal })).at(-1);
    }
    catch (error) {
        if (signal?.aborted)
            return {};
        log.warning(`The results of ${what} could not be read from Pulumi Cloud (${reason(error)}); the report takes its change ` +
            `counts from the log instead.`);
        return {};
    }
    if (!update) {
        log.debug(`${what} made no stack update, so it has no engine events to read.`);
        return {};
    }
    const changes = update.resourceChanges ? changeSummaryOf(update.resourceChanges) : undefined;
    const reducer = new EngineEventReducer();
    let token;
    const seen = new Set();
    try {
        for (let page = 0;; page++) {
            if (page >= MAX_PAGES)
                throw new Error(`it has more than ${MAX_PAGES} pages of events`);
            const answer = await api.getEngineEvents(stack, update.updateID, token, { signal });
            reducer.feed(answer.events);
            if (answer.invalid > 0)
                log.debug(`${answer.invalid} engine events of ${what} were not valid and were skipped.`);
            token = answer.continuationToken;
            if (token === undefined)
                break;
            // A service that hands back a token it already gave would page forever.
            if (seen.has(token))
                throw new Error('Pulumi Cloud returned the same continuation token twice');
            seen.add(token);
        }
    }
    catch (error) {
        if (signal?.aborted)
            return { update, changes };
        log.warning(`The changed resources of ${what} could not be read from Pulumi Cloud's engine events (${reason(error)}); ` +
            `the report shows the change counts only.`);
        return { update, changes };
    }
    const engine = reducer.result();
    return {
        update,
        changes: changes ?? (engine.summaryChanges && changeSummaryOf(engine.summaryChanges)),
        engine
    };
}

// EXTERNAL MODULE: ./src/pulumi/stack-results.ts
var stack_results = __webpack_require__(1597);
;// CONCATENATED MODULE: ./src/deployment/stack-outputs.ts

const SECRET_PLACEHOLDER = '[secret]';
function stack_outputs_reason(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Each ciphertext in a value, at any depth. */
function ciphertextsIn(value, into) {
    const ciphertext = (0,stack_results/* secretCiphertext */.Th)(value);
    if (ciphertext !== undefined) {
        if (ciphertext !== '')
            into.add(ciphertext);
        return true;
    }
    let secret = false;
    if (Array.isArray(value))
        for (const item of value)
            secret = ciphertextsIn(item, into) || secret;
    else if (typeof value === 'object' && value !== null)
        for (const item of Object.values(value))
            secret = ciphertextsIn(item, into) || secret;
    return secret;
}
/** The value with each secret replaced by its plaintext from `plain`, or by `[secret]` when there is none. */
function substitute(value, plain, revealed) {
    const ciphertext = (0,stack_results/* secretCiphertext */.Th)(value);
    if (ciphertext !== undefined) {
        if (!plain.has(ciphertext))
            return SECRET_PLACEHOLDER;
        const decrypted = plain.get(ciphertext);
        revealed.add(typeof decrypted === 'string' ? decrypted : JSON.stringify(decrypted));
        return decrypted;
    }
    if (Array.isArray(value))
        return value.map(item => substitute(item, plain, revealed));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, plain, revealed)]));
    }
    return value;
}
/** A plaintext is the JSON of the value. A parse error would quote the secret, so it is never passed on. */
function parsePlaintext(json) {
    try {
        return JSON.parse(json);
    }
    catch {
        throw new Error('a decrypted value is not the JSON its secret should be');
    }
}
async function readStackOutputs(api, stack, stackName, showSecrets, log, signal) {
    let read;
    try {
        read = await api.getStackOutputs(stack, { signal });
    }
    catch (error) {
        if (!signal?.aborted)
            log.warning(`The outputs of ${stackName} could not be read from its state in Pulumi Cloud (${stack_outputs_reason(error)}); the ` +
                '`outputs` output is not set. The token needs permission to read (export) the stack.');
        return undefined;
    }
    const ciphertexts = new Set();
    const secretNames = new Set();
    for (const [name, value] of read.outputs)
        if (ciphertextsIn(value, ciphertexts))
            secretNames.add(name);
    const plain = new Map();
    if (showSecrets && ciphertexts.size > 0) {
        try {
            const answers = await api.batchDecrypt(stack, [...ciphertexts], { signal });
            for (const [ciphertext, json] of answers)
                plain.set(ciphertext, parsePlaintext(json));
            if (plain.size < ciphertexts.size)
                throw new Error('Pulumi Cloud did not decrypt every one of them');
        }
        catch (error) {
            if (!signal?.aborted)
                log.warning(`The secret outputs of ${stackName} (${[...secretNames].join(', ')}) could not be decrypted ` +
                    `(${stack_outputs_reason(error)}); they read "${SECRET_PLACEHOLDER}".`);
            plain.clear();
        }
    }
    const revealed = new Set();
    const outputs = [...read.outputs].map(([name, value]) => ({
        name,
        value: substitute(value, plain, revealed),
        secret: secretNames.has(name)
    }));
    return { outputs, revealed: [...revealed] };
}

;// CONCATENATED MODULE: ./src/action/results-stage.ts


// The operations after whose success the stack's outputs are read (a destroy leaves none).
const WRITES_OUTPUTS = new Set(['update', 'refresh', 'remediate-drift']);
const DRIFT_OPERATIONS = new Set(['detect-drift', 'remediate-drift']);
async function readResults(input) {
    const { client, config, outcome, runner, signal } = input;
    const log = { warning: (m) => runner.warning(m), debug: (m) => runner.debug(m) };
    const deployment = outcome.deployment;
    const ended = outcome.kind === 'terminal' && (deployment?.status === 'succeeded' || deployment?.status === 'failed');
    const drift = ended && DRIFT_OPERATIONS.has(config.operation) ? await readDriftRun(input, log) : undefined;
    // A deployment that never ran made no update, and one still running is not read while it is left.
    if (outcome.kind !== 'terminal' || !deployment?.jobs?.length)
        return { drift };
    const what = `deployment ${input.deploymentVersion} of ${config.stackName}`;
    const operation = await readOperationResults(client, config.stack, input.deploymentId, what, log, signal);
    if (!operation.changes)
        runner.debug(`Pulumi Cloud gave no change counts for ${what}; they come from its log.`);
    const outputs = deployment.status === 'succeeded' && WRITES_OUTPUTS.has(config.operation)
        ? await readStackOutputs(client, config.stack, config.stackName, config.showSecretOutputs, log, signal)
        : undefined;
    return { operation, outputs, drift };
}
// A drift check that found drift ends `failed` like one that broke; Pulumi Cloud's drift run tells them apart. When
// it cannot be read, the refresh's change counts decide (see buildReport).
async function readDriftRun(input, log) {
    try {
        const runs = await input.client.listDriftRuns(input.config.stack, { signal: input.signal });
        return { run: runs.find(r => r.deploymentId === input.deploymentId) };
    }
    catch (error) {
        if (input.signal?.aborted)
            throw error;
        log.debug(`The drift runs of ${input.config.stackName} could not be read (${error.message}); drift is ` +
            "judged from the refresh's change counts.");
        return {};
    }
}


/***/ }),

/***/ 3821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kx: () => (/* binding */ publishStackOutputs),
/* harmony export */   lh: () => (/* binding */ maskStackOutputs)
/* harmony export */ });
/* unused harmony exports ACTION_OUTPUTS, isOwnStepOutputName */
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8948);

/** This action's outputs (action.yml), and the one another issue reserves; a stack output never overwrites one. */
const ACTION_OUTPUTS = new Set([...Object.values(_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUT */ .a), 'drift-detected']);
// What GitHub accepts as a step output name.
const STEP_OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
function isOwnStepOutputName(name) {
    return STEP_OUTPUT_NAME.test(name) && !ACTION_OUTPUTS.has(name.toLowerCase());
}
/** Registers a decrypted value with the runner in each form it may be written: whole, inside JSON, line by line. */
function mask(runner, value) {
    if (value === '')
        return;
    const forms = new Set([value, JSON.stringify(value).slice(1, -1)]);
    for (const line of value.split(/\r?\n|\r/))
        if (line.trim() !== '')
            forms.add(line.trim());
    for (const form of forms)
        runner.setSecret(form);
}
function asText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/** Masks, then sets the outputs; returns them as reports show them (secrets `[secret]`, always). */
function publishStackOutputs(result, runner) {
    const shown = maskStackOutputs(result, runner);
    const all = Object.fromEntries(result.outputs.map(o => [o.name, o.value]));
    runner.setOutput(_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUT */ .a.outputs, JSON.stringify(all));
    for (const o of result.outputs) {
        if (isOwnStepOutputName(o.name))
            runner.setOutput(o.name, asText(o.value));
    }
    return shown;
}
/** Masks every decrypted value; returns the outputs as reports show them. Sets no output: one of several stacks. */
function maskStackOutputs(result, runner) {
    for (const value of result.revealed)
        mask(runner, value);
    return result.outputs.map(o => ({
        name: o.name,
        secret: o.secret,
        shown: o.secret ? '[secret]' : asText(o.value)
    }));
}


/***/ }),

/***/ 3252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ LogCursor)
/* harmony export */ });
// A page as long as the longest yet is taken to be cut at the service's page size, with more waiting behind it: the
// size is learned rather than assumed, as a service serving 99 entries a page once slowed a live log 26-fold. Below
// this many entries a page is never taken for cut (a trickle of single lines is not a backlog).
const MIN_CUT_PAGE = 50;
class LogCursor {
    api;
    stack;
    deploymentId;
    onLogs;
    token;
    done = false;
    longestPage = 0;
    // The page at `token` as far as it was handed on: a read cut short is read again from where it stopped.
    page;
    constructor(api, stack, deploymentId, onLogs) {
        this.api = api;
        this.stack = stack;
        this.deploymentId = deploymentId;
        this.onLogs = onLogs;
        this.page = this.freshPage();
    }
    /** The log is complete once a page came back without a nextToken. */
    get complete() {
        return this.done;
    }
    async read(pacer) {
        const page = this.page;
        const before = page.handedOn;
        const response = await pacer.tolerate(() => this.api.streamLogs(this.stack, this.deploymentId, this.token, pacer.callOptions, page));
        if (!response)
            return page.handedOn > before ? 'some' : 'none';
        const previous = this.token;
        // The token moves only once its page was handed on whole, so a read cut short can never skip or repeat a line.
        this.token = response.nextToken;
        if (response.nextToken === undefined || response.nextToken === '') {
            this.done = true;
            return response.size > 0 ? 'some' : 'none';
        }
        // A token that did not move is asked again only after a pause, whatever the page held: a server that answers
        // full pages without advancing must not be asked in a tight loop. Its page is not handed on twice.
        if (previous === response.nextToken)
            return 'none';
        this.page = this.freshPage();
        const cut = response.size >= MIN_CUT_PAGE && response.size >= this.longestPage;
        this.longestPage = Math.max(this.longestPage, response.size);
        return cut ? 'more' : 'some';
    }
    // Awaited by the page's reader: the rest of the page is not read until these lines are written (the log file may
    // be slower than the network), so no more than a network chunk of the log is ever held.
    freshPage() {
        const onLogs = this.onLogs;
        return {
            handedOn: 0,
            handOn(entries, through) {
                this.handedOn = through;
                if (entries.length > 0)
                    return onLogs(entries);
            }
        };
    }
}


/***/ }),

/***/ 6620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oC: () => (/* binding */ LogRenderer)
});

// UNUSED EXPORTS: DEFAULT_HEAD_LINES, DEFAULT_TAIL_LINES, collapseCarriageReturns

// EXTERNAL MODULE: ./node_modules/strip-ansi/index.js + 1 modules
var strip_ansi = __webpack_require__(348);
// EXTERNAL MODULE: ./src/deployment/changes.ts
var changes = __webpack_require__(5606);
// EXTERNAL MODULE: ./src/deployment/plain-text.ts
var plain_text = __webpack_require__(7611);
;// CONCATENATED MODULE: ./src/deployment/step-buffer.ts
// What the reports keep of one step of a deployment's log: a bounded head and tail, however long the step, each line
// a copy of bounded length, so a step keeps a fixed amount whatever its lines look like.
// A kept line is for a person reading a report; a longer one is cut, so the captures stay small whatever the log.
const MAX_KEPT_LINE = 2_000;
// The tail also keeps no more than this much text: every line passes through it, and one that stays long enough
// outlives V8's young generation and becomes old garbage. Lines of 10 kB kept 400 at a time (800 kB) made half of
// the action's peak memory; this is more than a report shows of a step's end (60,000 characters in a comment).
const MAX_TAIL_CHARS = 64 * 1024;
/**
 * A line as kept: cut to MAX_KEPT_LINE, and a copy. A line split out of a larger text is, in V8, a view that keeps
 * the whole text alive; flattening the concatenation makes a string of its own, so a kept line holds only itself.
 */
function keptCopy(line) {
    const cut = line.length > MAX_KEPT_LINE ? `${line.slice(0, MAX_KEPT_LINE)}…` : line;
    return ` ${cut}`.slice(1);
}
/** One step's first lines, and its last lines (by count and by size), so a step of any length keeps a bounded amount. */
class StepBuffer {
    name;
    headMax;
    tailMax;
    head = [];
    // The tail: lines from `tailStart` on are kept; those before it are dropped and the array is compacted now and then.
    kept = [];
    tailStart = 0;
    tailChars = 0;
    count = 0;
    constructor(name, headMax, tailMax) {
        this.name = name;
        this.headMax = headMax;
        this.tailMax = tailMax;
    }
    add(lines) {
        this.count += lines.length;
        let i = 0;
        while (i < lines.length && this.head.length < this.headMax)
            this.head.push(keptCopy(lines[i++] ?? ''));
        // Of what is left, only the last tailMax lines can survive in the tail.
        i = Math.max(i, lines.length - this.tailMax);
        for (; i < lines.length; i++)
            this.keep(keptCopy(lines[i] ?? ''));
    }
    keep(line) {
        this.kept.push(line);
        this.tailChars += line.length;
        while (this.kept.length - this.tailStart > this.tailMax ||
            (this.tailChars > MAX_TAIL_CHARS && this.kept.length - this.tailStart > 1)) {
            this.tailChars -= this.kept[this.tailStart]?.length ?? 0;
            // Let go of it now: a line held until the next compaction would be kept alive as long as in the old ring.
            this.kept[this.tailStart++] = '';
        }
        if (this.tailStart >= this.tailMax) {
            this.kept = this.kept.slice(this.tailStart);
            this.tailStart = 0;
        }
    }
    /** Drops the kept lines, leaving the counts. */
    forget() {
        this.head = [];
        this.kept = [];
        this.tailStart = 0;
        this.tailChars = 0;
    }
    /** The kept last lines, oldest first. */
    tail() {
        return this.kept.slice(this.tailStart);
    }
    capture() {
        const tail = this.tail();
        return {
            name: this.name,
            lineCount: this.count,
            head: [...this.head],
            tail,
            omitted: this.count - this.head.length - tail.length
        };
    }
    lastLines(n) {
        if (n <= 0)
            return [];
        const tail = this.tail();
        // Head and tail only join up when nothing between them was dropped.
        const kept = this.count === this.head.length + tail.length ? [...this.head, ...tail] : tail;
        return kept.slice(-n);
    }
}

;// CONCATENATED MODULE: ./src/deployment/log-renderer.ts
// Prints a remote deployment's log into the workflow log and keeps just enough of it for the reports.
//
// Each step of the log becomes a fold of the workflow log, opened and closed through the runner (@actions/core's
// groups). The lines are remote text printed where the runner reads commands: the runner seam makes every one
// inert (github/runner.ts), as it does all remote text, so the renderer only redacts. A log may have a million
// lines, or lines of megabytes: it is rendered and written in slices of at most SLICE_CHARS, and only a bounded
// head and tail of each step are kept (step-buffer.ts), so memory does not grow with the log.




const DEFAULT_HEAD_LINES = 200;
const DEFAULT_TAIL_LINES = 400;
// A misbehaving server could send endless headers; past this many steps the oldest captures are emptied.
const MAX_KEPT_STEPS = 100;
const MAX_STEP_NAME = 200;
// Text rendered at once. Every copy the rendering makes (joined, collapsed, redacted, stripped) is this size at
// most: strings this small die young in V8, where a page-sized one lands in the large-object space and lives until
// a full collection, which is how lines of 10 kB once took the action past 400 MB.
const SLICE_CHARS = 64 * 1024;
// Aliases the step of each operation has had: `pulumi up` runs an update; drift runs are refreshes underneath.
const OPERATION_COMMANDS = {
    update: ['up', 'update'],
    preview: ['preview'],
    refresh: ['refresh'],
    destroy: ['destroy', 'down'],
    'detect-drift': ['detect-drift', 'refresh', 'preview'],
    'remediate-drift': ['remediate-drift', 'up', 'update']
};
class LogRenderer {
    options;
    headLines;
    tailLines;
    captured = [];
    parser = new changes/* ResourcesSummaryParser */.PR();
    current;
    groupOpen = false;
    resourcesStep;
    total = 0;
    constructor(options) {
        this.options = options;
        this.headLines = Math.max(0, options.headLines ?? DEFAULT_HEAD_LINES);
        this.tailLines = Math.max(0, options.tailLines ?? DEFAULT_TAIL_LINES);
    }
    get lineCount() {
        return this.total;
    }
    push(entries) {
        let filed = '';
        let pending = [];
        let pendingChars = 0;
        const flush = () => {
            if (pending.length === 0)
                return;
            const text = this.renderLines(pending);
            this.options.sink.write(text.printed);
            filed += text.filed;
            pending = [];
            pendingChars = 0;
            if (filed.length < SLICE_CHARS)
                return;
            this.options.logFile?.write(filed);
            filed = '';
        };
        for (const entry of entries) {
            // As Pulumi's CLI tests it: only a non-empty header starts a step; an empty one is no header at all.
            if (typeof entry.header === 'string' && entry.header !== '') {
                flush();
                filed += this.startStep(entry.header);
            }
            else if (typeof entry.line === 'string') {
                pending.push(entry.line.endsWith('\n') ? entry.line : `${entry.line}\n`);
                pendingChars += entry.line.length;
                if (pendingChars >= SLICE_CHARS)
                    flush();
            }
        }
        flush();
        if (filed)
            this.options.logFile?.write(filed);
    }
    /** Ends the open group; safe to call more than once. */
    close() {
        if (!this.groupOpen)
            return;
        this.groupOpen = false;
        this.options.sink.endGroup();
    }
    steps() {
        return this.captured.map(step => step.capture());
    }
    /**
     * The Pulumi operation's own step: the last whose header names the operation (`pulumi preview`, `pulumi up`,
     * or the older `Pulumi operation`), else the step that printed a `Resources:` summary.
     */
    operationOutput() {
        const commands = OPERATION_COMMANDS[this.options.operation] ?? [this.options.operation];
        const named = lastOf(this.captured, step => namesOperation(step.name, commands));
        return (named ?? this.resourcesStep)?.capture();
    }
    /** The last `n` lines kept of the step called `stepName` (its last, if several share the name). */
    lastLines(stepName, n) {
        const wanted = stepName.trim().toLowerCase();
        const step = lastOf(this.captured, s => s.name === stepName) ??
            lastOf(this.captured, s => s.name.toLowerCase() === wanted);
        return step ? step.lastLines(n) : [];
    }
    changes() {
        return this.parser.result();
    }
    /** Opens the step's fold; returns its header for the log file. */
    startStep(header) {
        const name = this.options.redact(cleanStepName(header));
        this.current = this.addStep(name);
        const shown = name || '(unnamed step)';
        this.close();
        this.options.sink.startGroup(shown);
        this.groupOpen = true;
        return `=== ${shown} ===\n`;
    }
    addStep(name) {
        const step = new StepBuffer(name, this.headLines, this.tailLines);
        this.captured.push(step);
        const stale = this.captured.length - MAX_KEPT_STEPS - 1;
        if (stale >= 0)
            this.captured[stale]?.forget();
        return step;
    }
    renderLines(lines) {
        const raw = lines.join('');
        const collapsed = raw.includes('\r') ? collapseCarriageReturns(raw) : raw;
        const redacted = this.options.redact(collapsed);
        const printed = endWithNewline(redacted);
        // The plain copy is stripped before redaction: colour codes inside a secret would otherwise hide it.
        const filed = collapsed.includes('\x1b')
            ? endWithNewline(this.options.redact((0,strip_ansi/* default */.A)(collapsed)))
            : printed;
        this.capture(filed);
        return { printed, filed };
    }
    capture(text) {
        this.current ??= this.addStep('');
        const step = this.current;
        const lines = text.split('\n');
        lines.pop();
        this.total += lines.length;
        step.add(lines);
        if (this.parser.collecting || text.includes('Resources:')) {
            for (const line of lines) {
                if ((0,changes/* isResourcesHeading */.IR)(line))
                    this.resourcesStep = step;
                this.parser.feed(line);
            }
        }
    }
}
/** What a terminal would finally show: for each line, the text after its last carriage return. */
function collapseCarriageReturns(text) {
    // Line by line from one `\r` to the next: a regex over the whole text backtracks on every line without one.
    let out = '';
    let done = 0;
    let cr = text.indexOf('\r');
    while (cr !== -1) {
        const start = text.lastIndexOf('\n', cr) + 1;
        const newline = text.indexOf('\n', cr);
        const end = newline === -1 ? text.length : newline;
        out += text.slice(done, start) + lastOverwrite(text.slice(start, end));
        done = end;
        cr = newline === -1 ? -1 : text.indexOf('\r', newline);
    }
    return done === 0 ? text : out + text.slice(done);
}
function lastOverwrite(line) {
    let end = line.length;
    // A `\r` just before the line break (CRLF, or a bar that returned after drawing) overwrites nothing.
    while (end > 0 && line.charCodeAt(end - 1) === 13)
        end--;
    const shown = line.slice(0, end);
    return shown.slice(shown.lastIndexOf('\r') + 1);
}
function endWithNewline(text) {
    return text.endsWith('\n') ? text : `${text}\n`;
}
/** A header as a person should read it: one line, no colour codes, not absurdly long. */
function cleanStepName(header) {
    const flat = (0,plain_text/* oneLine */.TN)(header).replace(/\s+/g, ' ').trim();
    return flat.length > MAX_STEP_NAME ? `${flat.slice(0, MAX_STEP_NAME)}…` : flat;
}
function namesOperation(name, commands) {
    const lower = name.toLowerCase();
    if (lower === 'pulumi operation')
        return true;
    return commands.some(command => lower === `pulumi ${command}` || lower.startsWith(`pulumi ${command} `));
}
function lastOf(items, matches) {
    for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (item !== undefined && matches(item))
            return item;
    }
    return undefined;
}


/***/ }),

/***/ 5500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ Stopped),
/* harmony export */   _: () => (/* binding */ Pacer)
/* harmony export */ });
/* harmony import */ var _pulumi_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9863);

// The longest Retry-After honoured, as the client caps it: a server asking for hours would stall the log.
const MAX_RETRY_AFTER_MS = 60_000;
/** Thrown when the deadline passes or the signal aborts; the follower turns it into its outcome. */
class Stopped extends Error {
}
class Pacer {
    clock;
    log;
    o;
    warnedUnavailable = false;
    constructor(clock, log, o) {
        this.clock = clock;
        this.log = log;
        this.o = o;
    }
    get aborted() {
        return this.o.signal?.aborted ?? false;
    }
    // The client's retry waits stop at the deadline too, so a long Retry-After cannot carry the wait past it.
    get callOptions() {
        return { signal: this.o.signal, deadline: this.o.deadline };
    }
    /**
     * Runs one request; an error the client could not retry away is survived while the deadline allows, because a
     * deployment keeps running when Pulumi Cloud is briefly unreachable. Errors that no wait can fix are thrown.
     */
    async tolerate(call) {
        this.checkStop();
        try {
            const result = await call();
            this.warnedUnavailable = false;
            return result;
        }
        catch (error) {
            this.checkStop();
            if (!(error instanceof _pulumi_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PulumiApiError */ .zV) || !error.retryable)
                throw error;
            if (!this.warnedUnavailable)
                this.log.warning(`${error.message} Still following the deployment.`);
            else
                this.log.debug(error.message);
            this.warnedUnavailable = true;
            // A server that asked for a longer rest (Retry-After) gets it: asking again sooner only meets another 429.
            await this.pause(Math.max(this.o.pollIntervalMs, Math.min(error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)));
            return undefined;
        }
    }
    /** Waits `ms`, or less when the deadline comes first; throws Stopped once the deadline or signal says stop. */
    async pause(ms) {
        this.checkStop();
        const { deadline, signal } = this.o;
        const left = deadline === undefined ? ms : Math.min(ms, deadline - this.clock.now());
        if (left > 0) {
            try {
                await this.clock.sleep(left, signal);
            }
            catch {
                // An aborted sleep; checkStop below turns it into the outcome.
            }
        }
        this.checkStop();
    }
    checkStop() {
        if (this.o.signal?.aborted)
            throw new Stopped();
        if (this.o.deadline !== undefined && this.clock.now() >= this.o.deadline)
            throw new Stopped();
    }
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ annotationsOf),
/* harmony export */   R: () => (/* binding */ failureLead)
/* harmony export */ });
/* harmony import */ var strip_ansi__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(348);
// What the engine found, as a few workflow annotations: a reader of the run's page sees them without opening the
// log. Policy violations here, the most severe first; a failure's own annotation starts with failureLead.

// More would bury the failure's own annotation; the report lists them all.
const MAX_ANNOTATIONS = 3;
const MAX_TEXT = 1_000;
function clean(text) {
    const plain = (0,strip_ansi__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(text).trim();
    return plain.length > MAX_TEXT ? `${plain.slice(0, MAX_TEXT)}…` : plain;
}
function annotationsOf(report) {
    const violations = report.engine?.policyViolations ?? [];
    return violations.slice(0, MAX_ANNOTATIONS).map(v => {
        const where = v.resource ? ` on ${v.resource.name} (${v.resource.type})` : '';
        return {
            level: v.enforcementLevel === 'mandatory' ? 'error' : 'warning',
            title: `Policy violation: ${clean(v.policyName)}`,
            message: clean(`[${v.enforcementLevel || 'advisory'}] ${v.policyPack}/${v.policyName}${where}: ${v.message}`)
        };
    });
}
/** `bucket-0001 (aws:s3:Bucket) failed to create: …`, for a failed operation whose failing resource is known. */
function failureLead(report) {
    const failed = report.engine?.failedResources[0];
    if (failed) {
        return clean(`${failed.name} (${failed.type}) failed to ${failed.op}${failed.message ? `: ${failed.message}` : '.'}`);
    }
    const error = report.engine?.errors[0];
    return error ? clean(error.message) : undefined;
}


/***/ }),

/***/ 5066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ buildReport)
/* harmony export */ });
/* unused harmony export updateUrl */
/* harmony import */ var _pulumi_time_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9661);
/* harmony import */ var _config_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7840);
/* harmony import */ var _pulumi_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5789);



const FAILED_STEP_LINES = 30;
/** Turns what was followed into the one model the outputs, the summary and the comment are all built from. */
function buildReport({ base, outcome, renderer, cancelled, ended, timeoutMs, results, drift }) {
    const deployment = outcome.deployment;
    const job = deployment?.jobs?.[0];
    const steps = job ? stepReports(job) : [];
    const report = {
        ...base,
        status: statusOf(outcome, cancelled, ended),
        steps,
        // Pulumi Cloud's exact counts; the log's `Resources:` block only when they could not be had.
        changes: results?.changes ?? renderer.changes(),
        changesFrom: results?.changes ? 'pulumi-cloud' : renderer.changes() ? 'log' : undefined,
        engine: results?.engine,
        output: renderer.operationOutput(),
        ...durations(deployment, job)
    };
    if (drift)
        report.drift = driftFinding(drift.run, report.changes);
    const failed = job?.steps.find(s => s.status === 'failed');
    if (deployment?.status === 'failed' && failed) {
        report.failedStep = { name: failed.name, lastLines: renderer.lastLines(failed.name, FAILED_STEP_LINES) };
    }
    const update = deployment?.updates?.at(-1);
    if (update) {
        // A preview is no stack update: it has a console page but no version of the stack to name.
        if (update.version > 0 && !isPreviewKind(update.kind))
            report.updateVersion = update.version;
        report.updateUrl = updateUrl(base.consoleUrl, base.version, update);
        report.updateIsPreview = isPreviewKind(update.kind);
    }
    // A deployment not cancelled is not necessarily running: one still queued will run later, unwatched. One that
    // never started changed nothing, and says so when it was cancelled.
    const queued = isQueued(deployment);
    const leftAlone = queued
        ? 'the deployment stays queued and will still run'
        : 'the deployment was left running';
    const cancelledText = queued
        ? 'the deployment had not started and was cancelled, so nothing was changed'
        : 'the deployment was cancelled';
    if (outcome.kind === 'timed-out') {
        const limit = timeoutMs === undefined ? '' : ` after ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs)}`;
        report.message = `The wait timed out${limit}; ${cancelled ? cancelledText : leftAlone}.`;
    }
    else if (outcome.kind === 'aborted') {
        report.message = `The step was cancelled; ${cancelled ? (queued ? cancelledText : 'so was the deployment') : leftAlone}.`;
    }
    return report;
}
function isQueued(deployment) {
    // Never seen after its creation: it was queued then.
    return !deployment || deployment.status === 'not-started' || deployment.status === 'accepted';
}
// A deployment the step stopped following without cancelling it is reported as left running (or queued), never as
// cancelled: it may still change the stack.
function statusOf(outcome, cancelled, ended = false) {
    if (outcome.kind === 'terminal')
        return outcome.deployment.status;
    if (cancelled)
        return 'cancelled';
    if (ended)
        return outcome.kind === 'timed-out' ? 'timed-out' : 'cancelled';
    return isQueued(outcome.deployment) ? 'left-queued' : 'left-running';
}
function stepReports(job) {
    return job.steps.map(step => {
        const start = (0,_pulumi_time_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePulumiTime */ .n)(step.started);
        const end = (0,_pulumi_time_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePulumiTime */ .n)(step.lastUpdated);
        const durationMs = start !== undefined && end !== undefined && step.status !== 'not-started' ? end - start : undefined;
        return { name: step.name, status: step.status, durationMs };
    });
}
function durations(deployment, job) {
    const created = deployment ? (0,_pulumi_time_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePulumiTime */ .n)(deployment.created) : undefined;
    const jobStart = (0,_pulumi_time_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePulumiTime */ .n)(job?.started);
    const jobEnd = (0,_pulumi_time_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePulumiTime */ .n)(job?.lastUpdated);
    return {
        queuedMs: created !== undefined && jobStart !== undefined ? Math.max(0, jobStart - created) : undefined,
        runningMs: jobStart !== undefined && jobEnd !== undefined ? Math.max(0, jobEnd - jobStart) : undefined
    };
}
/**
 * The console link of the stack update a deployment made: `.../updates/{version}`, or `.../previews/{updateID}` for
 * a preview (WIRE-NOTES). The stack's console address is the deployment's, less its `/deployments/{version}` tail.
 */
function updateUrl(consoleUrl, deploymentVersion, update) {
    if (!consoleUrl)
        return undefined;
    // Plain string work: no value from an answer ever becomes part of a pattern.
    const url = consoleUrl.endsWith('/') ? consoleUrl.slice(0, -1) : consoleUrl;
    const tail = /\/deployments\/\d+$/.exec(url)?.[0];
    if (tail === undefined || (deploymentVersion !== undefined && tail !== `/deployments/${deploymentVersion}`))
        return undefined;
    const stackUrl = url.slice(0, -tail.length);
    return isPreviewKind(update.kind)
        ? `${stackUrl}/previews/${encodeURIComponent(update.updateID)}`
        : `${stackUrl}/updates/${update.version}`;
}
/** `preview`, or the service's `Pupdate`, `Prefresh`, ... for previews of other operations. */
function isPreviewKind(kind) {
    return kind === 'preview' || /^P[a-z]/.test(kind);
}
// Pulumi Cloud's drift run says whether drift was found; the refresh's change counts say in how many resources, and
// decide alone when no run was listed. A check that broke before its refresh counted nothing found none.
function driftFinding(run, changes) {
    const counted = (0,_pulumi_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .driftedResources */ .G)(run?.detectChanges ?? changes);
    const detected = run ? run.driftDetected : counted > 0;
    return {
        detected,
        ...(detected && counted > 0 ? { resources: counted } : {}),
        ...(run ? { runId: run.id } : {})
    };
}


/***/ }),

/***/ 5459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QO: () => (/* binding */ COMMENT_MARKER_PREFIX),
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   SM: () => (/* binding */ buildCommentBody),
/* harmony export */   VL: () => (/* binding */ DEFAULT_MAX_COMMENT_CHARS)
/* harmony export */ });
/* unused harmony export isOurComment */
/* harmony import */ var _sections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(755);
/* harmony import */ var _config_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7840);
/* harmony import */ var _markup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8132);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6867);
/* harmony import */ var _stack_results_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4613);
// The pull-request comment: the result at a glance, then the operation's output folded away. It is written when
// the deployment is created and rewritten when it ends, found again by the marker on its first line.






const COMMENT_MARKER_PREFIX = '<!-- pulumi-deployments:v1';
/** GitHub rejects comment bodies over 65,536 characters; the margin covers what redaction may add. */
const DEFAULT_MAX_COMMENT_CHARS = 60_000;
const FAILED_LINES_CHARS = 16_000;
/** `<!-- pulumi-deployments:v1 acme/web/dev preview -->`; only name characters survive, so nothing ends it early. */
function commentMarker(stack, operation) {
    return `${COMMENT_MARKER_PREFIX} ${markerWord(stack)} ${markerWord(operation)} -->`;
}
function markerWord(value) {
    return value.replace(/[^A-Za-z0-9._/-]/g, '_') || '_';
}
/** Ours only if the body starts with the marker: a reply quoting our comment does not. */
function isOurComment(body, marker) {
    return body.startsWith(marker);
}
function buildCommentBody(r, options = {}) {
    const maxChars = options.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
    const redact = options.redact ?? ((s) => s);
    const top = glance(r);
    if ((0,_stack_results_js__WEBPACK_IMPORTED_MODULE_4__/* .isQuiet */ .rM)(r))
        return redact(`${top}\n`);
    let room = maxChars - top.length - 1;
    // Redaction can lengthen the body (a short secret becomes a longer mask): shrink the rest until it fits.
    for (let attempt = 0; attempt < 3; attempt++) {
        const results = (0,_stack_results_js__WEBPACK_IMPORTED_MODULE_4__/* .renderStackResults */ .BF)(r, { budget: room, measure: text => text.length });
        const detail = detailOf(r, room - results.length - 2);
        const rest = [results, detail].filter(Boolean).join('\n\n');
        const body = redact(rest ? `${top}\n\n${rest}\n` : `${top}\n`);
        if (body.length <= maxChars)
            return body;
        room -= body.length - maxChars + 1_000;
    }
    const bare = redact(`${top}\n`);
    return bare.length <= maxChars ? bare : bare.slice(0, maxChars);
}
/** Marker, the headline, then the links and facts in one line, and a progress note while it runs. */
function glance(r) {
    const lines = [commentMarker(r.stack, r.operation), `### ${(0,_stack_results_js__WEBPACK_IMPORTED_MODULE_4__/* .headlineOf */ .gD)(r)}`, ''];
    const unchanged = r.changes?.same;
    const counts = unchanged ? [`${unchanged.toLocaleString('en-US')} unchanged`] : [];
    if ((0,_stack_results_js__WEBPACK_IMPORTED_MODULE_4__/* .isQuiet */ .rM)(r)) {
        // A preview that changes nothing is one short line and its links.
        lines.push([...counts, ...(0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .reportLinks */ .A7)(r)].join(' · '));
        return lines.join('\n');
    }
    const facts = [`**Operation:** ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .operationLabel */ .kF)(r.operation)}`];
    const commit = (0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .commitText */ .tT)(r.commit, r.commitUrl);
    if (commit)
        facts.push(`**Commit:** ${commit}`);
    const duration = durationOf(r);
    if (duration)
        facts.push(`**Duration:** ${duration}`);
    if (!(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .isInProgress */ .LT)(r.status))
        facts.push(...counts);
    lines.push([...(0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .reportLinks */ .A7)(r), ...facts].join(' · '));
    if (r.message)
        lines.push('', `> ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.message)}`);
    const progress = (0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .progressSentence */ .Lw)(r.status);
    if (progress)
        lines.push('', `${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .statusIcon */ .I8)(r.status)} ${progress} ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)('Follow it in Pulumi Cloud', r.consoleUrl)}.`);
    return lines.join('\n');
}
function durationOf(r) {
    if (r.runningMs === undefined)
        return undefined;
    const queued = r.queuedMs ? ` (queued ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.queuedMs)})` : '';
    return `${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.runningMs)}${queued}`;
}
// Below this, a block would hold little more than its own wrapper.
const SMALLEST_DETAIL = 1_000;
/** The failed step's last lines, or else the operation's output, in what room is left. */
function detailOf(r, room) {
    if (room < SMALLEST_DETAIL)
        return undefined;
    if (r.failedStep) {
        const name = (0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.failedStep.name);
        if (r.failedStep.lastLines.length === 0)
            return `**Failed step:** ${name}. Its log has no lines.`;
        const heading = `**Failed step:** ${name}. Its last lines:`;
        const { html } = (0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .linesBlock */ .RE)({
            head: [],
            tail: r.failedStep.lastLines,
            omitted: 0,
            budget: Math.min(room, FAILED_LINES_CHARS) - heading.length - 2,
            measure: _sections_js__WEBPACK_IMPORTED_MODULE_0__/* .escapedLength */ .Gz
        });
        return `${heading}\n\n${html}`;
    }
    const output = r.output;
    if (!output || output.lineCount === 0 || (0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .isInProgress */ .LT)(r.status))
        return undefined;
    const step = (0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(output.name);
    return `${(0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .collapsibleBlock */ .qU)({
        summary: step ? `Output of <code>${step}</code>` : `Output of the ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .operationLabel */ .kF)(r.operation)}`,
        lineCount: output.lineCount,
        head: output.head,
        tail: output.tail,
        omitted: output.omitted,
        budget: room - 2,
        measure: _sections_js__WEBPACK_IMPORTED_MODULE_0__/* .escapedLength */ .Gz,
        runUrl: r.runUrl
    })}`;
}


/***/ }),

/***/ 8132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* unused harmony export withoutMentions */
/* harmony import */ var _deployment_plain_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7611);
// Everything a report shows came from Pulumi Cloud or the deployment's own log, so none of it may be read as
// markup: these helpers turn such text into inert HTML/markdown.

const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
// Control characters other than tab and line feed, and the bidirectional overrides that can make text read
// differently from what it is: none of them has a place in a comment or a summary.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function escapeHtml(text) {
    return text.replace(UNPRINTABLE, '').replace(/[&<>"']/g, char => HTML_ENTITIES[char] ?? char);
}
// `@name` and `@org/team` outside code notify people: a zero-width space after the `@` keeps the text as it reads
// while GitHub no longer sees a mention.
const MENTION = /@(?=[A-Za-z0-9])/g;
/** Remote text may not notify anyone. */
function withoutMentions(text) {
    return text.replace(MENTION, '@\u200b');
}
// CommonMark reads a character reference as a literal character, never as syntax, so these cannot start
// emphasis, links, code spans or table cells.
const MARKDOWN_ENTITIES = {
    '\\': '&#92;',
    '`': '&#96;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '|': '&#124;',
    '~': '&#126;'
};
/** Text for one line of markdown (a heading, a table cell): escaped, and without line breaks or colour codes. */
function escapeInline(text) {
    const flat = (0,_deployment_plain_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text).trim();
    return withoutMentions(escapeHtml(flat).replace(/[\\`*_[\]|~]/g, char => MARKDOWN_ENTITIES[char] ?? char));
}
/** An http(s) address fit for a markdown link, or undefined for anything else (`javascript:`, garbage). */
function safeUrl(url) {
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
/** `[text](url)` when the address is safe, else the text alone; `text` must already be escaped. */
function link(text, url) {
    const href = safeUrl(url);
    return href ? `[${text}](${href})` : text;
}
/** `1,234`: counts shown to people. */
function formatCount(n) {
    return n.toLocaleString('en-US');
}


/***/ }),

/***/ 6867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ titleOf),
/* harmony export */   I8: () => (/* binding */ statusIcon),
/* harmony export */   LT: () => (/* binding */ isInProgress),
/* harmony export */   Lw: () => (/* binding */ progressSentence),
/* harmony export */   N6: () => (/* binding */ isFailure),
/* harmony export */   cF: () => (/* binding */ stepStatusIcon),
/* harmony export */   kF: () => (/* binding */ operationLabel),
/* harmony export */   nt: () => (/* binding */ driftIcon),
/* harmony export */   qS: () => (/* binding */ statusText),
/* harmony export */   w: () => (/* binding */ driftLabel)
/* harmony export */ });
/* unused harmony export statusPhrase */
/** "Drift detected" / "No drift" for a drift check that ran; undefined for one that broke, or for anything else. */
function driftLabel(r) {
    if (!r.drift)
        return undefined;
    if (r.drift.detected)
        return 'Drift detected';
    return r.status === 'succeeded' ? 'No drift' : undefined;
}
const STATUS_ICONS = {
    'not-started': '🕒',
    accepted: '⏳',
    running: '🔄',
    succeeded: '✅',
    failed: '❌',
    skipped: '⏭️',
    'timed-out': '⌛',
    cancelled: '🚫',
    created: '🚀',
    unknown: '❔',
    'left-running': '⏩',
    'left-queued': '🔜',
    'not-run': '⏸️'
};
const STATUS_TEXTS = {
    'not-started': 'Queued',
    accepted: 'Starting',
    running: 'Running',
    succeeded: 'Succeeded',
    failed: 'Failed',
    skipped: 'Skipped (it never ran)',
    'timed-out': 'Timed out',
    cancelled: 'Cancelled',
    created: 'Created (not waited for)',
    unknown: 'Unknown',
    'left-running': 'Left running (not waited for to the end)',
    'left-queued': 'Left queued (not waited for to the end)',
    'not-run': 'Not run'
};
// Completes "Pulumi preview …" in titles.
const STATUS_PHRASES = {
    'not-started': 'is queued',
    accepted: 'is starting',
    running: 'is running',
    succeeded: 'succeeded',
    failed: 'failed',
    skipped: 'was skipped',
    'timed-out': 'timed out',
    cancelled: 'was cancelled',
    created: 'was started',
    unknown: 'is in an unknown state',
    'left-running': 'was left running',
    'left-queued': 'was left queued',
    'not-run': 'was not run'
};
// What a reader of an unfinished report should know; the caller appends the link to the deployment.
const PROGRESS_SENTENCES = {
    'not-started': 'The deployment is queued in Pulumi Cloud; this report is updated when it finishes.',
    accepted: 'The deployment was accepted and is waiting for a runner; this report is updated when it finishes.',
    running: 'The deployment is running; this report is updated when it finishes.',
    created: 'The deployment was created; this workflow did not wait for it (`wait: false`), so its result is not shown here.',
    // The step stopped following, but the deployment goes on: a reader must not take it for cancelled.
    'left-running': 'The deployment keeps running in Pulumi Cloud; this workflow stopped following it, so its result is not shown here.',
    'left-queued': 'The deployment stays queued in Pulumi Cloud and will still run; this workflow stopped following it, so its result is not shown here.'
};
const STEP_ICONS = {
    'not-started': '⚪',
    running: '🔄',
    succeeded: '✅',
    failed: '❌'
};
const OPERATION_LABELS = {
    update: 'update',
    preview: 'preview',
    refresh: 'refresh',
    destroy: 'destroy',
    'detect-drift': 'drift detection',
    'remediate-drift': 'drift remediation'
};
function statusIcon(status) {
    return STATUS_ICONS[status] ?? '❔';
}
function statusText(status) {
    return STATUS_TEXTS[status] ?? status;
}
/** `succeeded`, `is queued`, `was cancelled`: the end of a title that starts with the operation. */
function statusPhrase(status) {
    return STATUS_PHRASES[status] ?? `ended as ${status}`;
}
/** A sentence for a report written before the deployment ended, or undefined once it has. */
function progressSentence(status) {
    return PROGRESS_SENTENCES[status];
}
/** `✅ Pulumi preview succeeded`: the start of every report's title; a drift check says what it found. */
function titleOf(report) {
    const drift = driftLabel(report);
    if (drift)
        return `${driftIcon(report)} Pulumi ${operationLabel(report.operation)}: ${drift}`;
    return `${statusIcon(report.status)} Pulumi ${operationLabel(report.operation)} ${statusPhrase(report.status)}`;
}
/** The icon beside "Drift detected" (a finding, not a breakage) or "No drift". */
function driftIcon(report) {
    return report.drift?.detected ? '⚠️' : '✅';
}
function stepStatusIcon(status) {
    return STEP_ICONS[status] ?? '❔';
}
/** `preview`, `update`, `drift detection`: how a sentence names the operation. */
function operationLabel(operation) {
    return OPERATION_LABELS[operation] ?? operation;
}
/** Whether the deployment may still change: reports then show progress rather than a result. */
function isInProgress(status) {
    return (status === 'not-started' ||
        status === 'accepted' ||
        status === 'running' ||
        status === 'created' ||
        status === 'left-running' ||
        status === 'left-queued');
}
/** Whether the deployment ended without doing what was asked. */
function isFailure(status) {
    return status === 'failed' || status === 'timed-out' || status === 'cancelled';
}


/***/ }),

/***/ 755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EI: () => (/* binding */ changesTable),
  qU: () => (/* binding */ collapsibleBlock),
  tT: () => (/* binding */ commitText),
  jn: () => (/* binding */ escapedBytes),
  Gz: () => (/* binding */ escapedLength),
  RE: () => (/* binding */ linesBlock),
  LS: () => (/* binding */ plural),
  A7: () => (/* binding */ reportLinks)
});

// UNUSED EXPORTS: omittedNote

// EXTERNAL MODULE: ./node_modules/strip-ansi/index.js + 1 modules
var strip_ansi = __webpack_require__(348);
// EXTERNAL MODULE: ./src/deployment/changes.ts
var deployment_changes = __webpack_require__(5606);
;// CONCATENATED MODULE: ./src/report/fit.ts
// Cuts a long log out of its middle so it fits a size limit: the start (the first resources) and the end (the
// `Resources:` summary, the errors) are what a reader needs, the middle is what they can do without.
const plainLength = line => line.length + 1;
const CUT_NOTE = ' … (line cut)';
/**
 * Keeps as much of the start of `head` and of the end of `tail` as fits `budget` (as counted by `measure`), with
 * half the budget for each end and whatever one end does not need given to the other. A line too long to sit
 * beside others (over a quarter of the budget) is cut short first, so one huge line cannot push out the rest.
 */
function fitToBudget(head, tail, omitted, budget, measure = plainLength) {
    const longest = Math.max(0, Math.floor(budget / 4));
    const clip = (line) => (measure(line) > longest ? cutLine(line, longest, measure) : line);
    const headLines = head.map(clip);
    const tailLines = tail.map(clip);
    const headSizes = headLines.map(measure);
    const tailSizes = tailLines.map(measure);
    const headTotal = sum(headSizes);
    const tailTotal = sum(tailSizes);
    if (headTotal + tailTotal <= budget)
        return { head: headLines, tail: tailLines, omitted };
    const half = Math.max(0, budget / 2);
    const headShare = headTotal < half ? headTotal : Math.max(half, budget - tailTotal);
    const keptHead = countWithin(headSizes, headShare);
    const headUsed = sum(headSizes.slice(0, keptHead));
    const keptTail = countWithin([...tailSizes].reverse(), Math.max(0, budget - headUsed));
    return {
        head: headLines.slice(0, keptHead),
        tail: keptTail > 0 ? tailLines.slice(tailLines.length - keptTail) : [],
        omitted: omitted + (headLines.length - keptHead) + (tailLines.length - keptTail)
    };
}
function sum(sizes) {
    let total = 0;
    for (const size of sizes)
        total += size;
    return total;
}
/** How many of the first sizes fit in `budget` together. */
function countWithin(sizes, budget) {
    let used = 0;
    let count = 0;
    for (const size of sizes) {
        if (used + size > budget)
            break;
        used += size;
        count++;
    }
    return count;
}
function cutLine(line, limit, measure) {
    // Halve until it fits: measures differ (HTML escaping, UTF-8 bytes), so none can be inverted in general.
    let keep = Math.min(line.length, limit);
    while (keep > 0) {
        let cut = line.slice(0, keep);
        // Never leave half of a surrogate pair at the end.
        if (/[\ud800-\udbff]$/.test(cut))
            cut = cut.slice(0, -1);
        cut += CUT_NOTE;
        if (measure(cut) <= limit)
            return cut;
        keep = Math.floor(keep / 2);
    }
    return CUT_NOTE.trim();
}

// EXTERNAL MODULE: ./src/report/markup.ts
var markup = __webpack_require__(8132);
;// CONCATENATED MODULE: ./src/report/sections.ts
// Pieces the job summary and the pull-request comment share: the change table and the blocks of log text.




/** The size of a line once escaped for a `<pre>` block, in UTF-16 code units (what GitHub counts for comments). */
const escapedLength = line => (0,markup/* escapeHtml */.ZD)(line).length + 1;
/** The size of a line once escaped, in UTF-8 bytes (what the 1 MiB job summary limit counts). */
const escapedBytes = line => Buffer.byteLength((0,markup/* escapeHtml */.ZD)(line), 'utf8') + 1;
const ALWAYS_SHOWN = ['create', 'update', 'replace', 'delete', 'same'];
/** A one-row markdown table of counts: the four main kinds and unchanged always, other kinds when present. */
function changesTable(changes) {
    const present = (0,deployment_changes/* orderedKinds */.Nc)(changes);
    const kinds = [
        ...ALWAYS_SHOWN.filter(k => k !== 'same'),
        ...present.filter(k => !ALWAYS_SHOWN.includes(k)),
        'same'
    ];
    const header = `| ${kinds.map(kind => (0,markup/* escapeInline */.VV)((0,deployment_changes/* changeLabel */.pG)(kind))).join(' | ')} |`;
    const align = `|${kinds.map(() => '---:').join('|')}|`;
    const counts = `| ${kinds.map(kind => (0,markup/* formatCount */.B4)(changes[kind] ?? 0)).join(' | ')} |`;
    return [header, align, counts].join('\n');
}
// Larger than any count, so wrappers measured with it are never smaller than the real ones.
const LARGEST_COUNT = 999_999_999;
/**
 * A `<pre>` block: every line ANSI-stripped and HTML-escaped, so nothing in it can end the block or the
 * surrounding `<details>`, trimmed from the middle to the budget with a visible line where lines were left out.
 */
function linesBlock(input) {
    const plain = (lines) => lines.map(line => (0,strip_ansi/* default */.A)(line));
    const wrapper = input.measure('<pre>') + input.measure('</pre>') + input.measure(omissionLine(LARGEST_COUNT));
    const fitted = fitToBudget(plain(input.head), plain(input.tail), input.omitted, input.budget - wrapper, input.measure);
    const lines = fitted.head.map(markup/* escapeHtml */.ZD);
    if (fitted.omitted > 0)
        lines.push(omissionLine(fitted.omitted));
    lines.push(...fitted.tail.map(markup/* escapeHtml */.ZD));
    return { html: `<pre>\n${lines.join('\n')}\n</pre>`, omitted: fitted.omitted };
}
function omissionLine(omitted) {
    return `… ${(0,markup/* formatCount */.B4)(omitted)} ${plural(omitted, 'line')} omitted …`;
}
/** `<details>` holding a lines block; says under it how much was left out and where the whole log is. */
function collapsibleBlock(input) {
    const count = input.lineCount === undefined
        ? ''
        : ` (${(0,markup/* formatCount */.B4)(input.lineCount)} ${plural(input.lineCount, 'line')})`;
    const opening = `<details><summary>${input.summary}${count}</summary>`;
    const wrapper = input.measure(opening) +
        input.measure(omittedNote(LARGEST_COUNT, input.runUrl)) +
        input.measure('</details>') +
        3;
    const { html, omitted } = linesBlock({ ...input, budget: input.budget - wrapper });
    const parts = [opening, '', html, ''];
    if (omitted > 0)
        parts.push(omittedNote(omitted, input.runUrl), '');
    parts.push('</details>');
    return parts.join('\n');
}
function omittedNote(omitted, runUrl) {
    const where = runUrl ? `the ${(0,markup/* link */.nf)('workflow run', runUrl)}` : 'the log of the workflow run';
    return `${(0,markup/* formatCount */.B4)(omitted)} ${plural(omitted, 'line was', 'lines were')} left out of the middle; the whole log is in ${where}.`;
}
function plural(n, one, many = `${one}s`) {
    return n === 1 ? one : many;
}
/** `abc1234` linked to the commit; a value that is not a hash is shown escaped rather than as code. */
function commitText(commit, commitUrl) {
    if (!commit)
        return undefined;
    const shown = /^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : (0,markup/* escapeInline */.VV)(commit);
    return (0,markup/* link */.nf)(shown, commitUrl);
}
/** Links to the deployment, the stack update it made and the workflow run, for whichever are known. */
function reportLinks(r) {
    const links = [];
    const deployment = r.version === undefined ? 'Deployment' : `Deployment #${(0,markup/* escapeInline */.VV)(String(r.version))}`;
    if ((0,markup/* safeUrl */.Pl)(r.consoleUrl))
        links.push((0,markup/* link */.nf)(deployment, r.consoleUrl));
    // A preview is no stack update: its link says so.
    const update = r.updateIsPreview
        ? 'Preview'
        : r.updateVersion === undefined
            ? 'Update'
            : `Update #${(0,markup/* escapeInline */.VV)(String(r.updateVersion))}`;
    if ((0,markup/* safeUrl */.Pl)(r.updateUrl))
        links.push((0,markup/* link */.nf)(update, r.updateUrl));
    if ((0,markup/* safeUrl */.Pl)(r.runUrl))
        links.push((0,markup/* link */.nf)('Workflow run', r.runUrl));
    return links;
}


/***/ }),

/***/ 4613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ renderStackResults),
/* harmony export */   gD: () => (/* binding */ headlineOf),
/* harmony export */   rM: () => (/* binding */ isQuiet),
/* harmony export */   ux: () => (/* binding */ impactOf)
/* harmony export */ });
/* unused harmony export displayValue */
/* harmony import */ var _deployment_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5606);
/* harmony import */ var _pulumi_stack_results_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1597);
/* harmony import */ var _markup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8132);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6867);
/* harmony import */ var _sections_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(755);
// One stack's results as markdown, from the report model alone: the impact at a glance, what failed, the policy
// violations, and the changed resources, most dangerous first. Size is budgeted in tiers (full details → table →
// counts), so the same rendering fits a comment, a job summary, or a `<details>` in a many-stack comment.





const DANGEROUS = new Set(['delete', 'replace']);
// The kinds a headline names, most dangerous first; a replacement's own steps are already counted as `replace`.
const HEADLINE_KINDS = ['delete', 'replace', 'create', 'update', 'import', 'discard', 'read', 'refresh'];
const HIDDEN_KINDS = new Set([
    'same',
    'create-replacement',
    'delete-replaced',
    'import-replacement',
    'discard-replaced'
]);
function planning(r) {
    return r.operation === 'preview' || r.operation === 'detect-drift';
}
/** `⚠️ 7 to delete, ⚠️ 2 to replace, 3 to create`, `no changes`, or '' while the counts are unknown. */
function impactOf(r) {
    if (!r.changes || (0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .isInProgress */ .LT)(r.status))
        return '';
    const changes = r.changes;
    const others = Object.keys(changes)
        .filter(kind => !HEADLINE_KINDS.includes(kind) && !HIDDEN_KINDS.has(kind))
        .sort();
    const parts = [...HEADLINE_KINDS, ...others].flatMap(kind => {
        const count = Object.hasOwn(changes, kind) ? (changes[kind] ?? 0) : 0;
        if (count <= 0)
            return [];
        const known = _deployment_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANGE_KINDS */ .tO.find(k => k.key === kind);
        const words = known ? (planning(r) ? known.planned : known.done) : kind.replace(/-/g, ' ');
        return [`${DANGEROUS.has(kind) ? '⚠️ ' : ''}${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(count)} ${words}`];
    });
    return parts.length > 0 ? parts.join(', ') : 'no changes';
}
/** `✅ Pulumi preview succeeded: acme/web/dev — ⚠️ 2 to delete, 3 to create`: the result and its impact. */
function headlineOf(r) {
    const impact = impactOf(r);
    return `${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .titleOf */ .Gg)(r)}: ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.stack)}${impact ? ` — ${impact}` : ''}`;
}
/** Whether the report is the short kind: a finished operation that changed nothing and found nothing to say. */
function isQuiet(r) {
    const e = r.engine;
    return (r.status === 'succeeded' &&
        impactOf(r) === 'no changes' &&
        !r.failedStep &&
        (!e || (e.policyViolations.length === 0 && e.errors.length === 0 && e.resources.length === 0)));
}
/** A destroy says plainly what it removes. */
function destroySentence(r) {
    if (r.operation !== 'destroy' || (0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .isInProgress */ .LT)(r.status))
        return undefined;
    const deleted = r.changes?.delete ?? r.engine?.resources.filter(x => x.op === 'delete').length;
    if (deleted === undefined)
        return undefined;
    const what = `${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(deleted)} ${(0,_sections_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(deleted, 'resource')} of ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.stack)}`;
    return r.status === 'succeeded'
        ? `⚠️ This destroy deleted ${what}; their cloud resources are gone.`
        : `⚠️ This destroy was to delete ${what}; see below what was removed before it stopped.`;
}
const OP_LABELS = {
    delete: '⚠️ **delete**',
    replace: '⚠️ **replace**',
    create: 'create',
    update: 'update',
    import: 'import',
    discard: 'discard',
    refresh: 'refresh'
};
function code(text) {
    return `<code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(text)}</code>`;
}
function resourceName(x) {
    return `${code(x.name)} (${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(x.type)})`;
}
const TABLE_SHARE = 0.75;
const MAX_VALUE = 80;
const MAX_MESSAGE = 400;
const MAX_NAMES_IN_CELL = 8;
/** A property value for display: JSON, any secret in it `[secret]`, cut short. */
function displayValue(value, present) {
    if (!present)
        return '—';
    const text = JSON.stringify(value, (_key, v) => (0,_pulumi_stack_results_js__WEBPACK_IMPORTED_MODULE_1__/* .secretCiphertext */ .Th)(v) !== undefined ? '[secret]' : v);
    if (text === undefined)
        return '—';
    if (text === '"[secret]"')
        return '[secret]';
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}
function propertyNames(changes) {
    const named = changes
        .slice(0, MAX_NAMES_IN_CELL)
        .map(c => (c.replaces ? `**${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(c.path)}** (forces replacement)` : (0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(c.path)));
    const more = changes.length - named.length;
    return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
function tableRow(x) {
    return `| ${OP_LABELS[x.op]} | ${code(x.name)} | ${code(x.type)} | ${propertyNames(x.changes)} |`;
}
function valueCode(value, present) {
    const shown = displayValue(value, present);
    // The placeholder is this action's own text, so it needs no escaping to be read as plain text.
    return shown === '[secret]' ? '<code>[secret]</code>' : code(shown);
}
function detailOfResource(x) {
    const lines = x.changes.slice(0, 50).map(c => {
        const values = c.hidden ? '(hidden)' : `${valueCode(c.old, 'old' in c)} → ${valueCode(c.new, 'new' in c)}`;
        return `- ${code(c.path)}: ${values}${c.replaces ? ' (forces replacement)' : ''}`;
    });
    return `${OP_LABELS[x.op]} ${resourceName(x)}\n\n${lines.join('\n')}\n`;
}
function firstLine(text) {
    const flat = (0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(text);
    return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat;
}
/** What failed: the failing resources with their errors first, then the other error diagnostics. */
function errorsSection(r) {
    const e = r.engine;
    if (!e || (e.errors.length === 0 && e.failedResources.length === 0))
        return undefined;
    const shown = new Set();
    const items = e.failedResources.slice(0, 10).map(f => {
        if (f.message)
            shown.add(f.message);
        return `- ❌ ${resourceName(f)} failed to ${f.op}${f.message ? `: ${firstLine(f.message)}` : '.'}`;
    });
    for (const error of e.errors) {
        if (items.length >= 10 || shown.has(error.message))
            continue;
        items.push(`- ${error.resource ? `${resourceName(error.resource)}: ` : ''}${firstLine(error.message)}`);
    }
    return `#### ❌ Errors\n\n${items.join('\n')}`;
}
function policySection(r) {
    const violations = r.engine?.policyViolations ?? [];
    if (violations.length === 0)
        return undefined;
    const rows = violations.slice(0, 20).map(v => {
        const level = v.enforcementLevel === 'mandatory'
            ? '🚫 mandatory'
            : `⚠️ ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(v.enforcementLevel || 'advisory')}`;
        const severity = v.severity ? ` (${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(v.severity)})` : '';
        const policy = `${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(v.policyPack)} / ${code(v.policyName)}${severity}`;
        return `| ${level} | ${policy} | ${v.resource ? resourceName(v.resource) : ''} | ${firstLine(v.message)} |`;
    });
    const more = violations.length - rows.length;
    const tail = more > 0
        ? `\n\n…and ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(more)} more in ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)('Pulumi Cloud', r.updateUrl ?? r.consoleUrl)}.`
        : '';
    return `#### 🛡️ Policy violations\n\n| Level | Policy | Resource | Message |\n|---|---|---|---|\n${rows.join('\n')}${tail}`;
}
/** Where the rest can be seen, for a list cut short. */
function elsewhere(r) {
    return (0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)(r.updateIsPreview ? 'the preview in Pulumi Cloud' : 'Pulumi Cloud', r.updateUrl ?? r.consoleUrl);
}
/**
 * Everything below one stack's headline, within `budget`: the destroy warning, errors and policy violations
 * (always, each short), then as many rows of the changed-resources table as fit, then their property changes
 * folded away if they fit too. A table that does not fit at all leaves the counts of the headline.
 */
function renderStackResults(r, { budget, measure }) {
    const fixed = [destroySentence(r), errorsSection(r), policySection(r)].filter((s) => !!s);
    const parts = [];
    let room = budget;
    for (const piece of fixed) {
        const size = measure(piece) + 2;
        if (size > room)
            continue;
        parts.push(piece);
        room -= size;
    }
    const resources = r.engine?.resources ?? [];
    if (resources.length === 0 || (0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .isInProgress */ .LT)(r.status))
        return parts.join('\n\n');
    const heading = `#### Changed resources (${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(resources.length)})\n\n| | Resource | Type | Changed properties |\n|---|---|---|---|`;
    const moreNote = (left) => `\n\n…and ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(left)} more ${(0,_sections_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(left, 'resource')}, not listed here for size; see ${elsewhere(r)}.`;
    // Room is kept for the note however many rows are left out, and a quarter for what follows (a failed step's
    // last lines, the log's tail), which a long table must not push out.
    let tableRoom = Math.floor(room * TABLE_SHARE) - measure(heading) - measure(moreNote(999_999_999)) - 2;
    const rows = [];
    for (const x of resources) {
        const row = tableRow(x);
        const size = measure(row) + 1;
        if (size > tableRoom)
            break;
        rows.push(row);
        tableRoom -= size;
    }
    if (rows.length === 0)
        return parts.join('\n\n');
    const left = resources.length - rows.length;
    const table = `${heading}\n${rows.join('\n')}${left > 0 ? moreNote(left) : ''}`;
    parts.push(table);
    room -= measure(table) + 2;
    // The folded details come whole or not at all: a half list would read as the whole.
    const withDiffs = resources.filter(x => x.changes.length > 0);
    if (left === 0 && withDiffs.length > 0) {
        const details = `<details><summary>Property changes (old → new)</summary>\n\n${withDiffs.map(detailOfResource).join('\n')}\n</details>`;
        if (measure(details) + 2 <= room)
            parts.push(details);
    }
    return parts.join('\n\n');
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q0: () => (/* binding */ MAX_SUMMARY_BYTES),
/* harmony export */   fR: () => (/* binding */ buildSummary)
/* harmony export */ });
/* unused harmony export DEFAULT_OUTPUT_BYTES */
/* harmony import */ var _sections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(755);
/* harmony import */ var _config_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7840);
/* harmony import */ var _markup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8132);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6867);
/* harmony import */ var _stack_results_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4613);
// The job summary: everything about one deployment on the run's summary page, as GitHub-flavoured markdown.





const DEFAULT_OUTPUT_BYTES = 512 * 1024;
/** GitHub refuses a step's summary over 1 MiB; the margin covers what redaction may add. */
const MAX_SUMMARY_BYTES = 1024 * 1024 - 32 * 1024;
const RESULTS_BYTES = 320 * 1024;
const FAILED_LINES_BYTES = 64 * 1024;
const MAX_OUTPUTS_SHOWN = 200;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function buildSummary(r, options = {}) {
    const max = options.maxBytes ?? MAX_SUMMARY_BYTES;
    const sections = [
        `## ${(0,_stack_results_js__WEBPACK_IMPORTED_MODULE_4__/* .headlineOf */ .gD)(r)}`,
        facts(r).join('\n'),
        r.message ? `> ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.message)}` : undefined,
        progressOf(r),
        (0,_stack_results_js__WEBPACK_IMPORTED_MODULE_4__/* .renderStackResults */ .BF)(r, { budget: Math.min(RESULTS_BYTES, max * 0.3), measure: bytes }) || undefined,
        r.changes ? `### Change counts\n\n${(0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .changesTable */ .EI)(r.changes)}` : undefined,
        outputsTable(r),
        r.steps.length > 0 ? `### Steps\n\n${stepsTable(r)}` : undefined,
        failedStepOf(r, Math.min(FAILED_LINES_BYTES, max * 0.1))
    ].filter((s) => s !== undefined && s !== '');
    // The log's output gets what room is left: the whole summary stays under GitHub's limit.
    const used = bytes(sections.join('\n\n')) + 4;
    const room = Math.min(options.outputBytes ?? DEFAULT_OUTPUT_BYTES, max - used);
    const output = room > 1_024 ? outputOf(r, room) : undefined;
    if (output)
        sections.push(output);
    const markdown = `${sections.join('\n\n')}\n`;
    return options.redact ? options.redact(markdown) : markdown;
}
/** The stack's outputs; a secret is `[secret]` here whatever `show-secret-outputs` says. */
function outputsTable(r) {
    if (!r.outputs || r.outputs.length === 0)
        return undefined;
    const rows = r.outputs.slice(0, MAX_OUTPUTS_SHOWN).map(o => {
        const shown = o.shown.length > 200 ? `${o.shown.slice(0, 200)}…` : o.shown;
        return `| <code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(o.name)}</code> | ${o.secret ? '🔒 [secret]' : `<code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(shown)}</code>`} |`;
    });
    const more = r.outputs.length - rows.length;
    const tail = more > 0 ? `\n\n…and ${more} more; see the \`outputs\` step output.` : '';
    return `### Stack outputs\n\n| Output | Value |\n|---|---|\n${rows.join('\n')}${tail}`;
}
function facts(r) {
    const items = [
        `- **Status:** ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .driftLabel */ .w)(r) ? `${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .driftIcon */ .nt)(r)} ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .driftLabel */ .w)(r)}` : `${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .statusIcon */ .I8)(r.status)} ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .statusText */ .qS)(r.status)}`}`,
        `- **Stack:** ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.stack)}`,
        `- **Operation:** ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .operationLabel */ .kF)(r.operation)}`
    ];
    const commit = (0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .commitText */ .tT)(r.commit, r.commitUrl);
    if (commit)
        items.push(`- **Commit:** ${commit}`);
    const links = (0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .reportLinks */ .A7)(r);
    if (links.length > 0)
        items.push(`- **Links:** ${links.join(' · ')}`);
    if (r.queuedMs !== undefined)
        items.push(`- **Queued:** ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.queuedMs)}`);
    if (r.runningMs !== undefined)
        items.push(`- **Running:** ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.runningMs)}`);
    return items;
}
function progressOf(r) {
    return (0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .progressSentence */ .Lw)(r.status);
}
function stepsTable(r) {
    const rows = r.steps.map(step => {
        const duration = step.durationMs === undefined ? '' : (0,_config_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(step.durationMs);
        return `| ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(step.name) || '(unnamed)'} | ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .stepStatusIcon */ .cF)(step.status)} ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(step.status)} | ${duration} |`;
    });
    return ['| Step | Status | Duration |', '|---|---|---:|', ...rows].join('\n');
}
function failedStepOf(r, budget) {
    if (!r.failedStep)
        return undefined;
    const { html } = (0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .linesBlock */ .RE)({
        head: [],
        tail: r.failedStep.lastLines,
        omitted: 0,
        budget,
        measure: _sections_js__WEBPACK_IMPORTED_MODULE_0__/* .escapedBytes */ .jn
    });
    const lines = r.failedStep.lastLines.length > 0 ? `The last lines of its log:\n\n${html}` : 'Its log has no lines.';
    return `### Failed step: ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(r.failedStep.name)}\n\n${lines}`;
}
function outputOf(r, budget) {
    const output = r.output;
    if (!output || output.lineCount === 0)
        return undefined;
    const step = (0,_markup_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeInline */ .VV)(output.name);
    return (0,_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .collapsibleBlock */ .qU)({
        summary: step ? `Output of <code>${step}</code>` : `Output of the ${(0,_model_js__WEBPACK_IMPORTED_MODULE_3__/* .operationLabel */ .kF)(r.operation)}`,
        lineCount: output.lineCount,
        head: output.head,
        tail: output.tail,
        omitted: output.omitted,
        budget,
        measure: _sections_js__WEBPACK_IMPORTED_MODULE_0__/* .escapedBytes */ .jn,
        runUrl: r.runUrl
    });
}


/***/ }),

/***/ 687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ judge)
/* harmony export */ });
/* harmony import */ var _deployment_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5606);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(856);
// How the step ends, given the report: succeed, warn or fail, with the sentence that says why.


function judge(config, report) {
    const what = `The ${config.operation} of ${config.stackName} (deployment ${report.version ?? '?'})`;
    const drift = report.drift;
    if (drift?.detected) {
        const where = drift.resources === undefined
            ? ''
            : ` in ${drift.resources} ${drift.resources === 1 ? 'resource' : 'resources'}`;
        const fixed = config.operation === 'remediate-drift' && report.status === 'succeeded' ? ' and remediated' : '';
        const link = `See the drift run${drift.runId ? ` ${drift.runId}` : ''}: ${report.consoleUrl ?? 'the Pulumi console'}.`;
        if (!config.failOnDrift) {
            return {
                kind: 'warn',
                title: 'Drift detected',
                message: `${what} found drift${where}${fixed}; \`fail-on-drift\` is false, so the step succeeds. ${link}`
            };
        }
        return { kind: 'fail', title: 'Drift detected', message: `${what} found drift${where}${fixed}. ${link}` };
    }
    if (drift && report.status === 'succeeded')
        return { kind: 'ok', message: `${what} found no drift.` };
    switch (report.status) {
        case 'succeeded':
            if (config.expectNoChanges && report.changes && (0,_deployment_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .hasChanges */ .ik)(report.changes)) {
                return {
                    kind: 'fail',
                    message: `${what} reported changes (${(0,_deployment_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .describeChanges */ .DT)(report.changes)}), and \`expect-no-changes\` is true.`
                };
            }
            // Fail closed: "no changes" must be read, not assumed from a summary that never came or a log cut short.
            if (config.expectNoChanges && !report.changes) {
                return {
                    kind: 'fail',
                    message: `${what} succeeded, but its changes could not be determined (Pulumi Cloud gave no change counts and the ` +
                        'log had no complete `Resources:` summary), and `expect-no-changes` is true: see the deployment in the ' +
                        'Pulumi console.'
                };
            }
            return { kind: 'ok', message: `${what} succeeded.` };
        case 'created':
            return { kind: 'ok', message: `${what} was created; not waiting for it (\`wait: false\`).` };
        case 'skipped':
            return {
                kind: 'warn',
                title: 'Deployment skipped',
                message: `${what} was skipped by Pulumi Cloud without running: a newer deployment superseded it, or it waited ` +
                    `in the queue too long. Nothing was changed.`
            };
        case 'failed': {
            const step = report.failedStep;
            const tail = step?.lastLines.slice(-10).join('\n');
            return {
                kind: 'fail',
                title: step ? `Deployment step failed: ${step.name}` : 'Deployment failed',
                // The failing resource and its error first: that is what a reader needs; the step's lines follow.
                annotation: [(0,_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .failureLead */ .R)(report), step ? `Step "${step.name}" failed. Its last lines:\n${tail}` : undefined]
                    .filter(Boolean)
                    .join('\n\n') || undefined,
                message: step
                    ? `${what} failed in step "${step.name}". See the log above or ${report.consoleUrl ?? 'the Pulumi console'}.`
                    : `${what} failed. See ${report.consoleUrl ?? 'the Pulumi console'}.`
            };
        }
        case 'unknown':
            return {
                kind: 'fail',
                message: `${what} ended with a status this action does not know, so whether it succeeded is unknown: see ` +
                    `${report.consoleUrl ?? 'the Pulumi console'}.`
            };
        default:
            return {
                kind: 'fail',
                message: `${what} did not finish. ${report.message ?? `It ended as ${report.status}.`}`
            };
    }
}


/***/ })

};
