export const id = 32;
export const ids = [32];
export const modules = {

/***/ 3032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildReport: () => (/* reexport */ build/* buildReport */.F),
  finish: () => (/* reexport */ finish),
  finishAfterError: () => (/* reexport */ finishAfterError),
  followPhase: () => (/* reexport */ followPhase),
  openGitHubRecords: () => (/* reexport */ github_records/* openGitHubRecords */.QT),
  openReport: () => (/* reexport */ openReport),
  readResults: () => (/* reexport */ results_stage/* readResults */.x),
  recordCreated: () => (/* reexport */ github_records/* recordCreated */.yo),
  showProgress: () => (/* reexport */ showProgress)
});

// EXTERNAL MODULE: ./src/report/build.ts
var build = __webpack_require__(5066);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/pulumi/types.ts
var types = __webpack_require__(4203);
;// CONCATENATED MODULE: ./src/deployment/cadence.ts
// When to read a deployment again: a pure policy, so it can be tested decision by decision and shared by anything
// that follows deployments (one follower, or a fleet of them under one budget).
//
// A fixed cadence is wrong both ways: too slow while lines flow or the end is close, too fast while the deployment
// waits in a queue or a resource takes minutes to create. The policy reads again soon after a read that brought
// something, sooner still once the operation has printed its summary, and backs off the longer nothing happens,
// with jitter so that many runners started together do not poll in step. No answer is ever faster than the minimum
// gap, and a server's Retry-After is honoured by the caller on top of it (see Pacer).
/** Never read again sooner than this after a read, whatever the policy would like. */
const MIN_GAP_MS = 200;
/** Once the end is near: a little more often than Pulumi's CLI, which rests 500 ms between empty reads. */
const END_NEAR_GAP_MS = 300;
// A read that brought this many entries means lines are flowing: the next is read after the minimum gap. Fewer
// is a trickle, which a read per poll interval keeps up with for a fraction of the requests.
const FLOWING = 5;
// Quiet spells and queues are read at most this many poll intervals apart (5 s at the default 2 s); while the
// last step runs, at most one poll interval apart, since its end can come at any moment.
const QUIET_CEILING = 2.5;
// ±20 %: enough to spread runners that started together over a second within a few polls.
const JITTER = 0.2;
/** Milliseconds to wait before the next read. */
function nextReadDelay(s) {
    const floor = Math.min(MIN_GAP_MS, s.pollIntervalMs);
    const ceiling = s.pollIntervalMs * (s.phase === 'streaming' && s.endNear !== 'no' ? 1 : QUIET_CEILING);
    let gap;
    if (s.phase === 'queued')
        gap = ceiling;
    else if (s.phase === 'ending' || s.endNear === 'summary')
        gap = END_NEAR_GAP_MS;
    else if (s.brought >= FLOWING)
        gap = floor;
    else if (s.brought > 0)
        gap = s.pollIntervalMs;
    // Quiet: the longer it has been, the longer the next wait, from half a poll interval up to the ceiling.
    else
        gap = Math.min(ceiling, Math.max(s.pollIntervalMs / 2, s.quietMs));
    // Short gaps answer something just seen and stay exact; long ones are those runners would otherwise share.
    if (gap >= s.pollIntervalMs / 2)
        gap *= 1 - JITTER + 2 * JITTER * s.random;
    return Math.max(floor, Math.round(gap));
}
/** A line that says the Pulumi operation is finishing: its closing summary or its duration. */
function announcesEnd(line) {
    // Only the start of a line: the words inside a resource's long output say nothing, and cost a scan.
    const start = line.slice(0, 40);
    return start.includes('Resources:') || start.includes('Duration:');
}

// EXTERNAL MODULE: ./src/deployment/log-cursor.ts
var log_cursor = __webpack_require__(3252);
// EXTERNAL MODULE: ./src/deployment/pacer.ts
var pacer = __webpack_require__(5500);
;// CONCATENATED MODULE: ./src/deployment/pause-notice.ts
const PAUSE_CHECK_EVERY_MS = 60_000;
class PauseNotice {
    api;
    clock;
    log;
    onChange;
    lastCheck = Number.NEGATIVE_INFINITY;
    reported = false;
    constructor(api, clock, log, onChange = () => undefined) {
        this.api = api;
        this.clock = clock;
        this.log = log;
        this.onChange = onChange;
    }
    async check(stack, pacer) {
        if (this.clock.now() - this.lastCheck < PAUSE_CHECK_EVERY_MS)
            return;
        this.lastCheck = this.clock.now();
        const metadata = await pacer.tolerate(() => this.api.getStackMetadata(stack, pacer.callOptions));
        if (!metadata)
            return;
        if (!metadata.paused) {
            this.resumed('the deployment can start now');
            return;
        }
        const where = metadata.organizationPaused ? 'the organization' : 'this stack';
        // One annotation is enough (GitHub shows at most ten); later checks only keep the log current.
        if (this.reported)
            this.log.info(`Deployments are still paused for ${where}.`);
        else {
            this.log.warning(`Deployments are paused for ${where}, so the deployment waits in the queue until they are resumed ` +
                `(in the Pulumi Cloud console or with the resume API).`);
            this.onChange(where);
        }
        this.reported = true;
    }
    /** The deployment left the queue: if it was said to wait for a pause, the reader learns the pause is over. */
    started() {
        this.resumed('the deployment has left the queue');
    }
    resumed(now) {
        if (!this.reported)
            return;
        this.log.info(`Deployments were resumed; ${now}.`);
        this.reported = false;
        this.onChange(undefined);
    }
}

;// CONCATENATED MODULE: ./src/deployment/follow.ts





// While the log streams, status is asked only now and then: the log itself says when the deployment has ended
// (a response without nextToken), and every extra request counts against Pulumi Cloud's rate limits.
const STATUS_CHECK_EVERY_MS = 30_000;
const DEFAULT_DRAIN_MS = 30_000;
// How long after the operation's summary the follower reads at the end-near cadence.
const SUMMARY_HURRIES_MS = 60_000;
/**
 * Follows a deployment until it reaches a terminal status, the deadline passes or the signal aborts, handing every
 * log entry to `onLogs` exactly once and in order.
 */
class DeploymentFollower {
    api;
    clock;
    log;
    onLogs;
    onStatus;
    random;
    lastStatus;
    deployment;
    constructor(api, clock, log, onLogs, onStatus = () => undefined, 
    /** Jitter for the cadence; tests pass a fixed one. */
    random = Math.random) {
        this.api = api;
        this.clock = clock;
        this.log = log;
        this.onLogs = onLogs;
        this.onStatus = onStatus;
        this.random = random;
    }
    get status() {
        return this.lastStatus;
    }
    async follow(o) {
        const f = {
            o,
            pacer: new pacer/* Pacer */._(this.clock, this.log, o),
            log: new log_cursor/* LogCursor */.z(this.api, o.stack, o.deploymentId, entries => this.handOn(f, entries)),
            pause: new PauseNotice(this.api, this.clock, this.log, o.onPause),
            lastNews: this.clock.now(),
            brought: 0,
            stepsSeen: 0
        };
        try {
            await this.waitUntilRunning(f);
            // A short deployment can start and end between two polls: it ran if it has jobs, and then it has a log.
            const ran = this.deployment?.status === 'running' || (this.deployment?.jobs?.length ?? 0) > 0;
            if (ran)
                await this.streamUntilEnd(f);
            const final = await this.finalState(f);
            // Said last, after the log it ends, whenever the status was first seen.
            this.onStatus(final);
            return { kind: 'terminal', deployment: final };
        }
        catch (error) {
            if (!(error instanceof pacer/* Stopped */.C))
                throw error;
            const kind = f.pacer.aborted ? 'aborted' : 'timed-out';
            return { kind, deployment: this.deployment };
        }
    }
    /** Polls status while the deployment is queued; logs are refused until it runs. */
    async waitUntilRunning(f) {
        for (;;) {
            const deployment = await this.refresh(f);
            // Out of the queue: a pause said earlier is over.
            if (deployment && deployment.status !== 'not-started')
                f.pause.started();
            // A status the action does not know may never change to one it does: it is followed as far as its log goes.
            if (deployment &&
                (deployment.status === 'running' || deployment.status === 'unknown' || (0,types/* isTerminal */.Hd)(deployment.status)))
                return;
            if (deployment)
                await f.pause.check(f.o.stack, f.pacer);
            await this.wait(f, 'queued', 'none');
        }
    }
    async streamUntilEnd(f) {
        let lastStatusCheck = this.clock.now();
        f.lastNews = this.clock.now();
        while (!f.log.complete) {
            const progress = await f.log.read(f.pacer);
            if (f.log.complete)
                return;
            if (this.clock.now() - lastStatusCheck >= STATUS_CHECK_EVERY_MS) {
                const deployment = await this.refresh(f);
                lastStatusCheck = this.clock.now();
                if (deployment && (0,types/* isTerminal */.Hd)(deployment.status)) {
                    await this.drain(f);
                    return;
                }
            }
            await this.wait(f, 'streaming', progress);
        }
    }
    /** Hands a page on, noting what the cadence decides from: new steps, and the operation's closing lines. */
    handOn(f, entries) {
        f.brought += entries.length;
        for (const entry of entries) {
            if (typeof entry.header === 'string' && entry.header !== '')
                f.stepsSeen++;
            else if (typeof entry.line === 'string' && this.onLastStep(f) && announcesEnd(entry.line))
                f.summaryAt = this.clock.now();
        }
        return this.onLogs(entries);
    }
    onLastStep(f) {
        const steps = this.deployment?.jobs?.[0]?.steps.length ?? 0;
        return steps > 0 && f.stepsSeen >= steps;
    }
    /** Waits as the cadence policy says after a read that gave `progress`; a page cut short is read again at once. */
    async wait(f, phase, progress) {
        const now = this.clock.now();
        const brought = progress === 'none' ? 0 : f.brought;
        f.brought = 0;
        if (progress !== 'none')
            f.lastNews = now;
        if (progress === 'more')
            return f.pacer.pause(0);
        // A summary long past was not the end after all (a program that printed the words): stop hurrying.
        const summary = f.summaryAt !== undefined && now - f.summaryAt < SUMMARY_HURRIES_MS;
        const delay = nextReadDelay({
            phase,
            brought,
            quietMs: now - f.lastNews,
            endNear: summary ? 'summary' : this.onLastStep(f) ? 'last-step' : 'no',
            pollIntervalMs: f.o.pollIntervalMs,
            random: this.random()
        });
        await f.pacer.pause(delay);
    }
    /**
     * After the end is known from the status, read what is left of the log. The bound is on waiting, not on reading:
     * a long log still arriving page after page is read to its end, and only a service that stops handing out lines
     * for `drainMs` is given up on (a fixed deadline from the end cut a million-line log short).
     */
    async drain(f) {
        const wait = f.o.drainMs ?? DEFAULT_DRAIN_MS;
        let until = this.clock.now() + wait;
        while (!f.log.complete && this.clock.now() < until) {
            const progress = await f.log.read(f.pacer);
            if (progress !== 'none')
                until = this.clock.now() + wait;
            if (!f.log.complete)
                await this.wait(f, 'ending', progress);
        }
        if (!f.log.complete)
            this.log.warning('The rest of the deployment log could not be read in time; see the console for the whole log.');
    }
    /**
     * The deployment once its log has ended. The status may lag the log by a moment, so it is asked again for a
     * while (the drain time), but not for ever: a status that stays unknown, or never ends, is reported as last seen.
     */
    async finalState(f) {
        const until = this.clock.now() + (f.o.drainMs ?? DEFAULT_DRAIN_MS);
        for (;;) {
            const deployment = await this.refresh(f);
            if (deployment && (0,types/* isTerminal */.Hd)(deployment.status))
                return deployment;
            if (this.deployment && (this.deployment.status === 'unknown' || this.clock.now() >= until))
                return this.deployment;
            // The log ended before the status caught up: give the service a moment.
            await this.wait(f, 'ending', 'none');
        }
    }
    async refresh(f) {
        const { stack, deploymentId } = f.o;
        const deployment = await f.pacer.tolerate(() => this.api.getDeployment(stack, deploymentId, f.pacer.callOptions));
        if (!deployment)
            return this.deployment;
        this.deployment = deployment;
        if (deployment.status !== this.lastStatus) {
            this.lastStatus = deployment.status;
            if (!(0,types/* isTerminal */.Hd)(deployment.status))
                this.onStatus(deployment);
        }
        return deployment;
    }
}

// EXTERNAL MODULE: ./src/deployment/log-renderer.ts + 1 modules
var log_renderer = __webpack_require__(6620);
;// CONCATENATED MODULE: ./src/action/follow-phase.ts
// The follow phase: the deployment's log streamed into the workflow log (and the `log-file`), its status changes
// said as they come, until it ends, the wait times out or the step is cancelled.






async function followPhase(run, input) {
    const { config, runner, redactor } = run;
    const logPath = logFilePath(input.env, input.deploymentId);
    const logFile = (0,external_node_fs_.createWriteStream)(logPath, { encoding: 'utf8' });
    const renderer = new log_renderer/* LogRenderer */.oC({
        sink: {
            write: lines => runner.write(lines),
            startGroup: title => runner.startGroup(title),
            endGroup: () => runner.endGroup()
        },
        logFile,
        redact: s => redactor.redact(s),
        operation: config.operation
    });
    let status = 'not-started';
    const follower = new DeploymentFollower(input.api, input.clock, { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }, 
    // The next page is read once this one has gone out, to the workflow log and to the file: a log arriving
    // faster than either takes it would otherwise wait in memory, page after page.
    async (entries) => {
        renderer.push(entries);
        await Promise.all([runner.written?.(), drained(logFile)]);
    }, deployment => {
        // The end is said outside the last step's fold, where a reader looks for it.
        if ((0,types/* isTerminal */.Hd)(deployment.status))
            renderer.close();
        status = deployment.status;
        describeStatus(run, deployment);
        input.onStatus?.(deployment);
    });
    let outcome;
    try {
        outcome = await follower.follow({
            stack: config.stack,
            deploymentId: input.deploymentId,
            pollIntervalMs: config.pollIntervalMs,
            deadline: config.timeoutMs === undefined ? undefined : input.started + config.timeoutMs,
            signal: run.stop.signal,
            onPause: where => input.onPause?.(status, where)
        });
    }
    finally {
        renderer.close();
        await closeLogFile(logFile);
    }
    run.outputs.logFile(logPath);
    return { outcome, renderer };
}
const STATUS_TEXT = {
    unknown: 'has a status this action does not know',
    'not-started': 'is queued and has not started yet',
    accepted: 'was accepted and is waiting for a runner',
    running: 'is running',
    succeeded: 'succeeded',
    failed: 'failed',
    skipped: 'was skipped'
};
function describeStatus(run, deployment) {
    run.outputs.status(deployment.status);
    const text = STATUS_TEXT[deployment.status];
    run.runner.info(`Deployment ${deployment.version} ${text}.`);
}
function logFilePath(env, id) {
    const dir = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return (0,external_node_path_.join)(dir, `pulumi-deployment-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.log`);
}
/** Resolves once the file has taken what it was given (at once when its buffer is not full). */
function drained(stream) {
    if (!stream.writableNeedDrain)
        return Promise.resolve();
    return new Promise(resolve => {
        const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            resolve();
        };
        stream.on('drain', done);
        // A failing file must not stall the follow; closing it reports the error.
        stream.on('error', done);
    });
}
function closeLogFile(stream) {
    return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
    });
}

// EXTERNAL MODULE: ./src/report/comment-body.ts
var comment_body = __webpack_require__(5459);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/report/verdict.ts
var report_verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/report/redact-report.ts
// Fields that hold one of the action's own words (a status, an operation, a change kind), which the report looks up
// by value; none of them carries remote free text.
const STRUCTURAL_KEYS = new Set(['status', 'operation', 'op', 'kind', 'changesFrom', 'enforcementLevel']);
/** A copy of the report with every free-text string redacted. */
function redactReport(report, redact) {
    return redactValue(report, redact);
}
function redactValue(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map(item => redactValue(item, redact));
    // Maps hold change kinds and counts; everything else the report holds is plain data.
    if (value === null || typeof value !== 'object' || value instanceof Map)
        return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
        copy[key] = STRUCTURAL_KEYS.has(key) ? item : redactValue(item, redact);
    }
    return copy;
}

// EXTERNAL MODULE: ./src/action/stack-outputs.ts
var stack_outputs = __webpack_require__(3821);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/pr-comment.ts + 4 modules
var pr_comment = __webpack_require__(2998);
// EXTERNAL MODULE: ./src/action/github-records.ts + 1 modules
var github_records = __webpack_require__(4876);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/action/finish.ts











function openReport(run, input) {
    const { config, redactor } = run;
    const { created, pin, ctx } = input;
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
    const commenter = makeCommenter(run, input);
    const progressComment = Promise.resolve(commenter?.upsert(commentText({ ...base, status: 'not-started', steps: [] }, config, redactor)));
    return { base, commenter, progressComment };
}
/**
 * Rewrites the in-progress comment, so its heading stays current while the deployment waits for a pause to end,
 * and once it has. Written after the comment before it, and awaited by `finish`.
 */
function showProgress(run, reporting, status, pausedFor) {
    const { commenter } = reporting;
    if (!commenter)
        return;
    const message = pausedFor
        ? `Deployments are paused for ${pausedFor}, so the deployment waits in the queue until they are resumed.`
        : undefined;
    const body = commentText({ ...reporting.base, status, steps: [], message }, run.config, run.redactor);
    reporting.progressComment = reporting.progressComment.then(() => commenter.upsert(body));
}
/**
 * The report of a deployment the action stopped following on an error: its last known status if that was an end,
 * else unknown, and what went wrong. The outputs, the summary and the comment are written as after any run.
 */
async function finishAfterError(run, reporting, error) {
    const last = run.outputs.lastStatus;
    const why = error instanceof Error && error.name !== 'Error' ? error.message : 'an unexpected error';
    const report = {
        ...reporting.base,
        status: last !== undefined && last !== 'left-running' && (0,types/* isTerminal */.Hd)(last) ? last : 'unknown',
        steps: [],
        message: `The action stopped following the deployment on an error (${why}); its last known status was ` +
            `${last ?? 'not-started'}: see the Pulumi console for its result.`
    };
    try {
        await finish(run, reporting, { report, handled: false, noVerdict: true });
    }
    catch (reportError) {
        run.runner.debug(`The report after the error could not be written: ${String(reportError)}`);
    }
}
/** Waits for the progress comment, then reports; once the step is cancelled, only for as long as it may. */
async function finish(run, reporting, input) {
    reporting.finished = true;
    await run.stop.within(reporting.progressComment.then(() => reportOutcome(run, reporting.commenter, input)), run.runner);
}
async function reportOutcome(run, commenter, { report, deployment, handled, stackOutputs, noVerdict, github }) {
    const { config, runner, outputs } = run;
    let redactor = run.redactor;
    if (stackOutputs) {
        report.outputs = (0,stack_outputs/* publishStackOutputs */.Kx)(stackOutputs, runner);
        // Never shown in a report, but kept out of every text all the same.
        redactor = redactor.with(stackOutputs.revealed);
    }
    const status = report.status === 'left-running' ? 'left-running' : deployment?.status;
    if (status)
        outputs.status(status);
    // Set after publishStackOutputs above: any decrypted value in it is masked by then.
    outputs.report(report, status, stackOutputs);
    if (config.commentOnSummary) {
        const summary = (0,report_summary/* buildSummary */.fR)(redactReport(report, text => redactor.redact(text)));
        if (!(await runner.appendSummary(redactor.redact(summary)))) {
            runner.debug('The runner gave no job summary file (GITHUB_STEP_SUMMARY); no summary was written.');
        }
    }
    if (commenter)
        await commenter.upsert(commentText(report, config, redactor));
    if (github) {
        await (0,github_records/* recordEnd */.$f)(github.records, github.record, config, report, stackOutputs);
        await github.records.settled();
    }
    // A few annotations from the engine's findings, the most severe first; the failure's own comes below.
    for (const note of (0,annotations/* annotationsOf */.I)(report)) {
        const text = redactor.redact(note.message);
        const title = redactor.redact(note.title);
        if (note.level === 'error')
            runner.error(text, title);
        else
            runner.warning(text, title);
    }
    if (noVerdict)
        return;
    const verdict = (0,report_verdict/* judge */.S)(config, report);
    if (verdict.kind === 'fail') {
        if (verdict.annotation)
            runner.error(redactor.redact(verdict.annotation), verdict.title);
        runner.setFailed(redactor.redact(verdict.message));
    }
    else if (verdict.kind === 'warn')
        runner.warning(redactor.redact(verdict.message), verdict.title);
    else
        runner.info(verdict.message);
    if (handled)
        runner.saveState(state/* STATE */.c.handled, 'true');
}
function makeCommenter(run, { ctx, octokitFactory }) {
    const { config, runner } = run;
    const issueNumber = (0,context/* pullRequestToComment */.t5)(config, ctx);
    if (issueNumber === undefined || !ctx.repository)
        return undefined;
    if (!config.githubToken) {
        runner.warning('No `github-token` was given, so the pull request is not commented on.');
        return undefined;
    }
    const [owner = '', repo = ''] = ctx.repository.split('/');
    return new pr_comment/* PrCommenter */.b({
        octokit: octokitFactory(config.githubToken, ctx.apiUrl),
        target: { owner, repo, issueNumber },
        marker: (0,comment_body/* commentMarker */.Ql)(config.stackName, config.operation),
        edit: config.editPrComment,
        log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
    });
}
/**
 * The comment as posted: built from the redacted report, redacted once more as a whole, and headed by the marker
 * as the config names it, never redacted, so a secret equal to `pulumi` or to the stack's name cannot make the
 * next run miss its own comment.
 */
function commentText(report, config, redactor) {
    const body = (0,comment_body/* buildCommentBody */.SM)(redactReport(report, text => redactor.redact(text)));
    const rest = body.slice(body.indexOf('\n') + 1);
    return `${(0,comment_body/* commentMarker */.Ql)(config.stackName, config.operation)}\n${redactor.redact(rest)}`;
}

// EXTERNAL MODULE: ./src/action/results-stage.ts + 3 modules
var results_stage = __webpack_require__(8392);
;// CONCATENATED MODULE: ./src/action/deployment-stage.ts
// What the action needs once a deployment exists: following it, printing its log and reporting it. run.ts loads
// this with import() after the deployment is created, so none of it is evaluated before the first request.







/***/ })

};
