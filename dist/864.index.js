export const id = 864;
export const ids = [864];
export const modules = {

/***/ 4864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployMany: () => (/* binding */ deployMany)
});

// UNUSED EXPORTS: configFor

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/pulumi/client.ts + 10 modules
var pulumi_client = __webpack_require__(5398);
;// CONCATENATED MODULE: ./src/pulumi/gated-client.ts

class GatedClient extends pulumi_client/* PulumiCloudClient */.rq {
    gate;
    constructor(opts, gate) {
        super(opts);
        this.gate = gate;
    }
    async attempt(spec, signal) {
        await this.gate.admit({ method: spec.method, path: spec.path }, signal);
        const result = await super.attempt(spec, signal);
        if (result.ok)
            this.gate.answered(200, undefined);
        else {
            const { failure } = result;
            this.gate.answered(failure.kind === 'status' ? failure.status : 0, failure.kind === 'status' ? failure.retryAfterMs : undefined);
        }
        return result;
    }
}

// EXTERNAL MODULE: ./src/pulumi/types.ts
var types = __webpack_require__(4203);
// EXTERNAL MODULE: ./src/pulumi/errors.ts
var errors = __webpack_require__(9863);
// EXTERNAL MODULE: ./src/deployment/log-cursor.ts
var log_cursor = __webpack_require__(3252);
// EXTERNAL MODULE: ./src/deployment/pacer.ts
var deployment_pacer = __webpack_require__(5500);
;// CONCATENATED MODULE: ./src/deployment/fleet.ts




// Enough for fifty stacks' deployments among others made meanwhile; further pages only if some are still missing.
const LIST_PAGE_SIZE = 100;
const MAX_LIST_PAGES = 3;
const DEFAULT_DRAIN_MS = 30_000;
class DeploymentFleet {
    api;
    clock;
    log;
    events;
    o;
    tracked = [];
    listless = new Set();
    closed = false;
    stoppedAs;
    wake;
    constructor(api, clock, log, events, o) {
        this.api = api;
        this.clock = clock;
        this.log = log;
        this.events = events;
        this.o = o;
    }
    /** Set once the fleet stopped following before every deployment ended: the step was cancelled or timed out. */
    get stopped() {
        return this.stoppedAs;
    }
    /** Follows one more deployment from the next poll on; one added after the fleet stopped ends at once. */
    add(member) {
        if (this.stoppedAs) {
            this.events.onEnd(member, { kind: this.stoppedAs });
            return;
        }
        this.tracked.push({
            member,
            pacer: new deployment_pacer/* Pacer */._(this.clock, this.log, this.o),
            log: new log_cursor/* LogCursor */.z(this.api, member.stack, member.deploymentId, entries => this.events.onLogs(member, entries)),
            ran: false,
            logFailed: false,
            done: false
        });
        this.wake?.();
    }
    /** No more members will be added: the run ends once every member has. */
    close() {
        this.closed = true;
        this.wake?.();
    }
    async run() {
        const pacer = new deployment_pacer/* Pacer */._(this.clock, this.log, this.o);
        for (;;) {
            const began = this.clock.now();
            const open = this.tracked.filter(t => !t.done);
            if (open.length === 0 && this.closed)
                return;
            try {
                let hurry = false;
                if (open.length > 0) {
                    await this.pollStatuses(open, pacer);
                    await this.readLogs(open);
                    this.settle(open);
                    // A log that has ended says the deployment has: its status is asked for at once, not a poll later.
                    for (const t of open) {
                        if (t.done || t.hurried || !t.log.complete)
                            continue;
                        t.hurried = true;
                        hurry = true;
                    }
                }
                const idle = this.tracked.every(t => t.done);
                if (idle && this.closed)
                    return;
                // Polls keep their cadence however long this one's requests waited for the budget.
                const left = hurry ? 0 : this.o.pollIntervalMs - (this.clock.now() - began);
                await this.pause(pacer, idle, left);
            }
            catch (error) {
                // An unexpected error ends every member too, so that nobody waits for an end that cannot come.
                this.stopAll(error instanceof deployment_pacer/* Stopped */.C && !pacer.aborted ? 'timed-out' : 'aborted');
                if (!(error instanceof deployment_pacer/* Stopped */.C))
                    throw error;
                return;
            }
        }
    }
    async pause(pacer, idle, ms) {
        // With nothing to follow, the wait ends as soon as a member is added or the fleet is closed.
        if (!idle)
            return pacer.pause(Math.max(0, ms));
        const woken = new Promise(resolve => (this.wake = () => resolve(undefined)));
        // A stop that comes after the wake-up is met at the next pause, not left as an unhandled rejection.
        const slept = pacer.pause(this.o.pollIntervalMs).then(() => undefined, (error) => (error instanceof Error ? error : new deployment_pacer/* Stopped */.C()));
        const stopped = await Promise.race([woken, slept]);
        this.wake = undefined;
        if (stopped)
            throw stopped;
    }
    async pollStatuses(open, pacer) {
        const byOrg = new Map();
        for (const t of open)
            byOrg.set(t.member.stack.org, [...(byOrg.get(t.member.stack.org) ?? []), t]);
        for (const [org, members] of byOrg) {
            const missing = this.listless.has(org) ? members : await this.fromOrgList(org, members, pacer);
            for (const t of missing) {
                const d = await pacer.tolerate(() => this.api.getDeployment(t.member.stack, t.member.deploymentId, pacer.callOptions));
                if (d)
                    this.saw(t, d);
            }
        }
    }
    /** Reads the organization's list; returns the members it did not show. */
    async fromOrgList(org, members, pacer) {
        const wanted = new Map(members.map(t => [t.member.deploymentId, t]));
        for (let page = 1; page <= MAX_LIST_PAGES && wanted.size > 0; page++) {
            let list;
            try {
                list = await pacer.tolerate(() => this.api.listOrgDeployments(org, { page, pageSize: LIST_PAGE_SIZE, asc: false }, pacer.callOptions));
            }
            catch (error) {
                if (!(error instanceof errors/* PulumiApiError */.zV))
                    throw error;
                // A token that may read its stacks but not list the organization's deployments: ask stack by stack.
                this.log.debug(`Listing the deployments of ${org} failed (${error.message}); reading each one instead.`);
                this.listless.add(org);
                break;
            }
            if (!list)
                return [];
            for (const d of list.deployments ?? []) {
                const t = wanted.get(d.id);
                if (!t)
                    continue;
                wanted.delete(d.id);
                this.saw(t, d);
            }
            if (page * LIST_PAGE_SIZE >= (list.total ?? 0))
                break;
        }
        return [...wanted.values()];
    }
    saw(t, d) {
        const changed = d.status !== t.deployment?.status;
        t.deployment = d;
        if (d.status === 'running' || (d.jobs?.length ?? 0) > 0)
            t.ran = true;
        if ((0,types/* isTerminal */.Hd)(d.status))
            t.endSeenAt ??= this.clock.now();
        else if (changed)
            this.events.onStatus(t.member, d);
    }
    /** The front's log while it runs, a page per poll; anyone's log once it has ended, to its end. */
    async readLogs(open) {
        for (const t of open) {
            if (!t.ran || t.log.complete || t.logFailed || t.reading)
                continue;
            const ended = t.endSeenAt !== undefined;
            if (!ended && !this.events.isFront(t.member))
                continue;
            t.reading = this.readSome(t, ended).finally(() => (t.reading = undefined));
        }
        // The front's page is waited for, so its lines come out at the pace of the polls; the rest read on their own.
        const front = open.find(t => t.reading && this.events.isFront(t.member));
        if (front)
            await front.reading;
    }
    async readSome(t, toTheEnd) {
        try {
            for (;;) {
                const progress = await t.log.read(t.pacer);
                if (t.log.complete || progress === 'none' || (!toTheEnd && progress !== 'more'))
                    return;
            }
        }
        catch (error) {
            if (error instanceof deployment_pacer/* Stopped */.C)
                return;
            t.logFailed = true;
            const reason = error instanceof Error ? error.message : String(error);
            this.log.warning(`The log of ${t.member.name} could not be read (${reason}); see it in the Pulumi console.`);
        }
    }
    settle(open) {
        const drainMs = this.o.drainMs ?? DEFAULT_DRAIN_MS;
        for (const t of open) {
            const d = t.deployment;
            if (!d || !(0,types/* isTerminal */.Hd)(d.status) || t.reading)
                continue;
            const logDone = !t.ran || t.log.complete || t.logFailed;
            if (!logDone && this.clock.now() - (t.endSeenAt ?? 0) < drainMs)
                continue;
            if (!logDone)
                this.log.warning(`The rest of the log of ${t.member.name} could not be read in time; see the console for the whole log.`);
            t.done = true;
            this.events.onStatus(t.member, d);
            this.events.onEnd(t.member, { kind: 'terminal', deployment: d });
        }
    }
    stopAll(kind) {
        this.stoppedAs = kind;
        for (const t of this.tracked) {
            if (t.done)
                continue;
            t.done = true;
            this.events.onEnd(t.member, { kind, deployment: t.deployment });
        }
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/deployment/log-renderer.ts + 1 modules
var log_renderer = __webpack_require__(6620);
;// CONCATENATED MODULE: ./src/deployment/spool.ts
// What a stack printed while another stack had the log: kept in order and written out when its turn comes. Up to
// a bound it stays in memory; past it, everything goes to a file, so fifty long logs cannot exhaust the runner.

const DEFAULT_SPOOL_BYTES = 4 * 1024 * 1024;
const READ_CHUNK = 256 * 1024;
class Spool {
    path;
    maxBytes;
    chunks = [];
    bytes = 0;
    spilled = false;
    /** `path` is where the spill file goes when the memory bound is passed; it is removed once drained. */
    constructor(path, maxBytes = DEFAULT_SPOOL_BYTES) {
        this.path = path;
        this.maxBytes = maxBytes;
    }
    get hasSpilled() {
        return this.spilled;
    }
    write(chunk) {
        if (this.spilled) {
            (0,external_node_fs_.appendFileSync)(this.path, chunk, 'utf8');
            return;
        }
        this.chunks.push(chunk);
        this.bytes += Buffer.byteLength(chunk, 'utf8');
        if (this.bytes > this.maxBytes) {
            // Kept in order: what was in memory goes to the file first, and all that follows after it.
            (0,external_node_fs_.appendFileSync)(this.path, this.chunks.join(''), 'utf8');
            this.chunks = [];
            this.bytes = 0;
            this.spilled = true;
        }
    }
    /** Hands everything kept to `write`, in order, and empties the spool. */
    drainTo(write) {
        if (this.spilled) {
            const fd = (0,external_node_fs_.openSync)(this.path, 'r');
            try {
                const buffer = Buffer.alloc(READ_CHUNK);
                let carry = Buffer.alloc(0);
                for (;;) {
                    const n = (0,external_node_fs_.readSync)(fd, buffer, 0, READ_CHUNK, null);
                    if (n === 0)
                        break;
                    const data = Buffer.concat([carry, buffer.subarray(0, n)]);
                    // Cut at the last line break, so no character or line is split between two writes.
                    const cut = data.lastIndexOf(0x0a) + 1;
                    if (cut > 0)
                        write(data.subarray(0, cut).toString('utf8'));
                    carry = data.subarray(cut);
                }
                if (carry.length > 0)
                    write(carry.toString('utf8'));
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            (0,external_node_fs_.rmSync)(this.path, { force: true });
            this.spilled = false;
        }
        if (this.chunks.length > 0)
            write(this.chunks.join(''));
        this.chunks = [];
        this.bytes = 0;
    }
}

;// CONCATENATED MODULE: ./src/deployment/log-desk.ts
// The workflow log of many stacks: one stack at a time has it, the first in the listed order whose log is not yet
// all printed, and streams live; the others' output (lines, folds opened and closed, notes) waits in their spools
// and is printed in one piece when their turn comes. So each stack's steps stay in their own groups, titled with the stack, never
// interleaved, and every line is printed exactly once. Each stack's plain log also goes to its own file.




class LogDesk {
    o;
    logs;
    front = 0;
    /** `names`: every stack, in the listed order, which is the order their logs are printed in. */
    constructor(names, o) {
        this.o = o;
        this.logs = names.map(name => ({ name, ended: false }));
    }
    /** Starts a stack's log once its deployment exists. */
    open(name, deploymentId) {
        const log = this.find(name);
        const safeId = deploymentId.replace(/[^A-Za-z0-9_.-]/g, '_');
        log.filePath = (0,external_node_path_.join)(this.o.dir, `pulumi-deployment-${safeId}.log`);
        log.file = (0,external_node_fs_.createWriteStream)(log.filePath, { encoding: 'utf8' });
        log.spool ??= new Spool((0,external_node_path_.join)(this.o.dir, `pulumi-deployment-${safeId}.spool`), this.o.spoolBytes ?? DEFAULT_SPOOL_BYTES);
        log.renderer = new log_renderer/* LogRenderer */.oC({
            sink: {
                write: lines => this.emit(log, { w: lines }),
                startGroup: title => this.emit(log, { g: `${name} · ${title}` }),
                endGroup: () => this.emit(log, { e: 1 })
            },
            logFile: log.file,
            redact: this.o.redact,
            operation: this.o.operation
        });
        return log.renderer;
    }
    isFront(name) {
        return this.logs[this.front]?.name === name;
    }
    /** A line of the action's own about a stack (its status), printed with that stack's log. */
    note(name, line) {
        this.emit(this.find(name), { n: line });
    }
    /** The stack's log is over: its last group is closed and `line` said after it; the next stack may print. */
    end(name, line) {
        const log = this.find(name);
        if (log.ended)
            return;
        log.renderer?.close();
        if (line)
            this.emit(log, { n: line });
        log.ended = true;
        this.advance();
    }
    /** Ends every log still open, in order, so nothing kept is left unprinted; closes the files. */
    async finish() {
        for (const log of this.logs)
            this.end(log.name);
        await Promise.all(this.logs.map(log => closeFile(log.file)));
    }
    /** Each stack's log file, for those that had one. */
    files() {
        const files = new Map();
        for (const log of this.logs)
            if (log.filePath)
                files.set(log.name, log.filePath);
        return files;
    }
    // A waiting stack's output is kept as one JSON object a line, so it plays back exactly as it would have printed.
    emit(log, event) {
        if (this.logs[this.front] === log) {
            this.play(event);
            return;
        }
        log.spool ??= new Spool((0,external_node_path_.join)(this.o.dir, `pulumi-stack-${this.logs.indexOf(log)}.spool`));
        log.spool.write(`${JSON.stringify(event)}\n`);
    }
    play(event) {
        const { sink } = this.o;
        if (event.w !== undefined)
            sink.write(event.w);
        else if (event.g !== undefined)
            sink.startGroup(event.g);
        else if (event.e !== undefined)
            sink.endGroup();
        else if (event.n !== undefined)
            sink.info(event.n);
    }
    advance() {
        while (this.logs[this.front]?.ended) {
            this.front++;
            const next = this.logs[this.front];
            next?.spool?.drainTo(chunk => {
                for (const line of chunk.split('\n'))
                    if (line !== '')
                        this.play(JSON.parse(line));
            });
        }
    }
    find(name) {
        const log = this.logs.find(l => l.name === name);
        if (!log)
            throw new Error(`No log is kept for ${name}.`);
        return log;
    }
}
function closeFile(stream) {
    if (!stream)
        return Promise.resolve();
    return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
    });
}

;// CONCATENATED MODULE: ./src/deployment/request-budget.ts
// After a 429 the spacing doubles, up to this many times the base, and shrinks back as answers come.
const MAX_SLOWDOWN = 16;
const RECOVERY = 0.8;
/** The rest after a 429 that named no Retry-After, in spacings. */
const DEFAULT_HOLD_SPACINGS = 8;
class RequestBudget {
    o;
    waiting = [];
    holdUntil = Number.NEGATIVE_INFINITY;
    tokens;
    refilledAt;
    slowdown = 1;
    pumping = false;
    seq = 0;
    sent = 0;
    throttled = 0;
    constructor(o) {
        this.o = o;
        this.tokens = this.capacity;
        this.refilledAt = o.clock.now();
    }
    get capacity() {
        return Math.max(1, this.o.burst ?? 1);
    }
    /** Requests let through so far. */
    get requestCount() {
        return this.sent;
    }
    /** 429 answers met so far. */
    get throttleCount() {
        return this.throttled;
    }
    admit(request, signal) {
        if (signal?.aborted)
            return Promise.reject(asError(signal.reason));
        return new Promise((resolve, reject) => {
            const entry = {
                rank: this.o.rank(request),
                seq: this.seq++,
                go: () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve();
                }
            };
            const onAbort = () => {
                const at = this.waiting.indexOf(entry);
                if (at >= 0)
                    this.waiting.splice(at, 1);
                reject(asError(signal?.reason));
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.waiting.push(entry);
            void this.pump();
        });
    }
    answered(status, retryAfterMs) {
        if (status === 429) {
            this.throttled++;
            this.slowdown = Math.min(MAX_SLOWDOWN, this.slowdown * 2);
            const hold = retryAfterMs ?? this.o.spacingMs * DEFAULT_HOLD_SPACINGS;
            this.holdUntil = Math.max(this.holdUntil, this.o.clock.now() + hold);
            // One request may go when the rest ends, but no burst: the budget starts again from almost empty.
            this.tokens = 1;
            this.refilledAt = this.holdUntil;
        }
        else if (status >= 200 && status < 300) {
            this.slowdown = Math.max(1, this.slowdown * RECOVERY);
        }
    }
    async pump() {
        if (this.pumping)
            return;
        this.pumping = true;
        try {
            while (this.waiting.length > 0) {
                const now = this.o.clock.now();
                if (this.holdUntil > now) {
                    await this.o.clock.sleep(this.holdUntil - now);
                    continue;
                }
                this.refill(now);
                if (this.tokens < 1) {
                    // A 429 answered during the sleep is seen at the top of the loop.
                    await this.o.clock.sleep((1 - this.tokens) * this.interval());
                    continue;
                }
                const next = this.takeMostUrgent();
                if (!next)
                    break;
                this.tokens -= 1;
                this.sent++;
                next.go();
            }
        }
        finally {
            this.pumping = false;
        }
    }
    interval() {
        return this.o.spacingMs * this.slowdown;
    }
    refill(now) {
        if (now > this.refilledAt) {
            this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) / this.interval());
            this.refilledAt = now;
        }
    }
    takeMostUrgent() {
        let best = 0;
        for (let i = 1; i < this.waiting.length; i++) {
            const a = this.waiting[i];
            const b = this.waiting[best];
            if (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq))
                best = i;
        }
        return this.waiting.splice(best, 1)[0];
    }
}
function asError(reason) {
    return reason instanceof Error ? reason : new Error('The request was abandoned.');
}

// EXTERNAL MODULE: ./src/action/create-phase.ts + 1 modules
var create_phase = __webpack_require__(5399);
// EXTERNAL MODULE: ./src/action/github-records.ts + 1 modules
var github_records = __webpack_require__(4876);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/build.ts
var build = __webpack_require__(5066);
// EXTERNAL MODULE: ./src/report/comment-body.ts
var comment_body = __webpack_require__(5459);
// EXTERNAL MODULE: ./src/report/markup.ts
var markup = __webpack_require__(8132);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/report/sections.ts + 1 modules
var sections = __webpack_require__(755);
// EXTERNAL MODULE: ./src/report/stack-results.ts
var stack_results = __webpack_require__(4613);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/many.ts
// The report of several stacks in one step: one table with a row per stack on top, then each stack folded away
// with what a one-stack report shows. The size limit (a comment's 65,536 characters, a summary's 1 MiB) is shared
// fairly: each stack gets an equal part, and what one does not need goes to those that were cut.






/**
 * `<!-- pulumi-deployments:v1 stacks-1a2b3c4d preview -->`: keyed on the set of stacks (in any order) and the
 * operation, so the next run over the same stacks edits the same comment, and a run over other stacks does not.
 */
function manyMarker(stacks, operation) {
    return `${comment_body/* COMMENT_MARKER_PREFIX */.QO} stacks-${fnv1a([...stacks].sort().join('\n'))} ${operation} -->`;
}
function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}
/** `❌ Pulumi update of 3 stacks: 1 failed, 2 succeeded`. */
function manyHeadline(reports) {
    const operation = reports[0]?.operation ?? 'update';
    const counts = new Map();
    for (const r of reports) {
        const text = (0,model/* statusText */.qS)(r.status)
            .toLowerCase()
            .replace(/ \(.*\)$/, '');
        counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    const parts = [...counts].map(([text, n]) => `${n} ${text}`);
    return `${(0,model/* statusIcon */.I8)(worstReportStatus(reports))} Pulumi ${(0,model/* operationLabel */.kF)(operation)} of ${reports.length} stacks: ${parts.join(', ')}`;
}
function worstReportStatus(reports) {
    if (reports.some(r => (0,model/* isFailure */.N6)(r.status)))
        return reports.find(r => (0,model/* isFailure */.N6)(r.status))?.status ?? 'failed';
    const unfinished = reports.find(r => (0,model/* isInProgress */.LT)(r.status));
    if (unfinished)
        return unfinished.status;
    if (reports.some(r => r.status === 'skipped' || r.status === 'not-run'))
        return 'skipped';
    return 'succeeded';
}
/** The row per stack: status, what changes (⚠️ on deletes and replaces), links. */
function stacksTable(reports) {
    const rows = reports.map(r => {
        const impact = (0,stack_results/* impactOf */.ux)(r) || ((0,model/* isInProgress */.LT)(r.status) ? '…' : '');
        return `| ${(0,markup/* escapeInline */.VV)(r.stack)} | ${(0,model/* statusIcon */.I8)(r.status)} ${(0,model/* statusText */.qS)(r.status)} | ${impact} | ${(0,sections/* reportLinks */.A7)(r).join(' · ')} |`;
    });
    return ['| Stack | Status | Changes | Links |', '|---|---|---|---|', ...rows].join('\n');
}
function folded(r, body) {
    const impact = (0,stack_results/* impactOf */.ux)(r);
    const summary = `${(0,model/* statusIcon */.I8)(r.status)} ${(0,markup/* escapeInline */.VV)(r.stack)}${impact ? ` — ${impact}` : ''}`;
    return `<details><summary>${summary}</summary>\n\n${body.trim()}\n\n</details>`;
}
/**
 * Renders each item within an equal share of `room`; then gives what the small ones left over to those that used
 * their whole share, once. Each result stays within what it was given.
 */
function shareFairly(items, room, render, measure) {
    if (items.length === 0)
        return [];
    const share = Math.floor(room / items.length);
    const first = items.map(item => render(item, share));
    const sizes = first.map(measure);
    const cut = sizes.map(size => size >= share * 0.9);
    const spare = sizes.reduce((left, size, i) => left + (cut[i] ? 0 : share - size), 0);
    const cutCount = cut.filter(Boolean).length;
    if (cutCount === 0 || spare <= 0)
        return first;
    const bigger = share + Math.floor(spare / cutCount);
    return items.map((item, i) => (cut[i] ? render(item, bigger) : first[i]));
}
// Room kept for what each stack's fold adds around its body.
const FOLD_OVERHEAD = 400;
function buildManyComment(reports, options = {}) {
    const maxChars = options.maxChars ?? comment_body/* DEFAULT_MAX_COMMENT_CHARS */.VL;
    const redact = options.redact ?? ((s) => s);
    const stacks = reports.map(r => r.stack);
    const top = [
        manyMarker(stacks, reports[0]?.operation ?? 'update'),
        `### ${manyHeadline(reports)}`,
        '',
        stacksTable(reports)
    ].join('\n');
    let room = maxChars - top.length - 2;
    for (let attempt = 0; attempt < 3; attempt++) {
        const parts = shareFairly(reports, room, (r, budget) => {
            const body = (0,comment_body/* buildCommentBody */.SM)(r, { maxChars: Math.max(0, budget - FOLD_OVERHEAD) });
            // The one-stack marker would make GitHub readers (and this action) take the fold for a comment of its own.
            return folded(r, body.slice(body.indexOf('\n') + 1));
        }, text => text.length + 2);
        const body = redact(`${top}\n\n${parts.join('\n\n')}\n`);
        if (body.length <= maxChars)
            return body;
        room -= body.length - maxChars + 1_000;
    }
    const bare = redact(`${top}\n`);
    return bare.length <= maxChars ? bare : bare.slice(0, maxChars);
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function buildManySummary(reports, options = {}) {
    const top = `## ${manyHeadline(reports)}\n\n${stacksTable(reports)}`;
    const room = summary/* MAX_SUMMARY_BYTES */.Q0 - bytes(top) - 2;
    const parts = shareFairly(reports, room, (r, budget) => folded(r, (0,summary/* buildSummary */.fR)(r, { maxBytes: Math.max(0, budget - FOLD_OVERHEAD) })), text => bytes(text) + 2);
    const markdown = `${top}\n\n${parts.join('\n\n')}\n`;
    return options.redact ? options.redact(markdown) : markdown;
}

// EXTERNAL MODULE: ./src/report/results.ts
var report_results = __webpack_require__(8940);
// EXTERNAL MODULE: ./src/report/verdict.ts
var report_verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/pr-comment.ts + 4 modules
var pr_comment = __webpack_require__(2998);
// EXTERNAL MODULE: ./src/action/cancellation.ts
var cancellation = __webpack_require__(4559);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(8948);
// EXTERNAL MODULE: ./src/action/stack-outputs.ts
var stack_outputs = __webpack_require__(3821);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/action/many-finish.ts
// The end of a several-stack step: what was left running is cancelled as `cancel-on-abort` says, then one report
// (outputs, job summary, pull-request comment) for all the stacks, and the step's verdict: it fails when any
// stack's deployment failed, and `expect-no-changes` is judged for every stack on its own.














function openManyReport(run, members, input) {
    const { config, runner, redactor } = run;
    const { ctx } = input;
    const issueNumber = (0,context/* pullRequestToComment */.t5)(config, ctx);
    let commenter;
    if (issueNumber !== undefined && ctx.repository && !config.githubToken)
        runner.warning('No `github-token` was given, so the pull request is not commented on.');
    else if (issueNumber !== undefined && ctx.repository) {
        const [owner = '', repo = ''] = ctx.repository.split('/');
        commenter = new pr_comment/* PrCommenter */.b({
            octokit: input.octokitFactory(config.githubToken, ctx.apiUrl),
            target: { owner, repo, issueNumber },
            marker: manyMarker(members.map(m => m.target.name), config.operation),
            edit: config.editPrComment,
            log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
        });
    }
    const queued = members.map((m) => ({
        stack: m.target.name,
        operation: config.operation,
        status: 'not-started',
        steps: []
    }));
    const progressComment = Promise.resolve(commenter?.upsert(redactor.redact(buildManyComment(queued))));
    return { ctx, commenter, progressComment };
}
/** Resolves `true` when the process should exit at once (the step was cancelled). */
async function finishMany(run, reporting, members, input) {
    await Promise.all(members.map(m => cancelUnfinished(run, m, input.client)));
    const reports = members.map(m => reportOf(run, m, reporting.ctx));
    await run.stop.within(reporting.progressComment.then(() => publish(run, reporting, members, reports, input)), run.runner);
    const handled = members.every(m => !m.created || !m.outcome || m.outcome.kind === 'terminal' || m.cancel !== 'failed');
    if (handled)
        run.runner.saveState(state/* STATE */.c.handled, 'true');
    return run.stop.requested;
}
/** A deployment still queued or running when the step stopped is cancelled, or left alone, per `cancel-on-abort`. */
async function cancelUnfinished(run, m, client) {
    const outcome = m.outcome;
    if (!m.created || !outcome || outcome.kind === 'terminal')
        return;
    // Said with the stack's name; and `handled` is the whole run's to say, not one stack's.
    const name = m.target.name;
    const runner = Object.assign(Object.create(run.runner), {
        info: (text) => run.runner.info(`${name}: ${text}`),
        warning: (text) => run.runner.warning(`${name}: ${text}`),
        saveState: (key, value) => {
            if (key !== state/* STATE */.c.handled)
                run.runner.saveState(key, value);
        }
    });
    m.cancel = await (0,cancellation/* cancelIfWanted */.N)(m.config, client, m.created.deployment.id, m.created.deployment.consoleUrl, outcome, runner, run.stop);
}
function reportOf(run, m, ctx) {
    const { config } = run;
    const created = m.created;
    if (!created) {
        const message = m.createError ?? m.notRun ?? 'Not run: the step was cancelled before its deployment was created.';
        return {
            stack: m.target.name,
            operation: config.operation,
            status: 'not-run',
            steps: [],
            message,
            runUrl: ctx.runUrl
        };
    }
    const { deployment, pin } = created;
    const base = {
        stack: m.target.name,
        operation: config.operation,
        deploymentId: deployment.id,
        version: deployment.version,
        consoleUrl: deployment.consoleUrl,
        commit: pin.commit,
        commitUrl: pin.commit && ctx.repository ? `${ctx.serverUrl}/${ctx.repository}/commit/${pin.commit}` : undefined,
        runUrl: ctx.runUrl
    };
    if (!m.outcome || !m.renderer)
        return { ...base, status: 'created', steps: [] };
    const report = (0,build/* buildReport */.F)({
        base,
        outcome: m.outcome,
        renderer: m.renderer,
        cancelled: m.cancel === 'cancelled',
        ended: m.cancel === 'ended',
        timeoutMs: config.timeoutMs,
        results: m.results?.operation,
        drift: m.results?.drift
    });
    if (m.outcome.kind !== 'terminal' && m.cancel === 'ended') {
        const why = m.outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out';
        report.message = `${why} after the deployment had already ended, so there was nothing to cancel; see its result in the Pulumi console.`;
    }
    if (m.results?.outputs)
        report.outputs = (0,stack_outputs/* maskStackOutputs */.lh)(m.results.outputs, run.runner);
    return report;
}
async function publish(run, reporting, members, reports, input) {
    const { config, runner } = run;
    const revealed = members.flatMap(m => m.results?.outputs?.revealed ?? []);
    // Never shown in a report, but kept out of every text all the same.
    const redactor = revealed.length > 0 ? run.redactor.with(revealed) : run.redactor;
    const files = input.desk.files();
    const results = members.map((m, i) => (0,report_results/* stackResult */.gQ)(reports[i], {
        lastStatus: m.outcome?.deployment?.status,
        logFile: files.get(m.target.name),
        outputs: m.results?.outputs && Object.fromEntries(m.results.outputs.outputs.map(o => [o.name, o.value]))
    }));
    const combined = (0,report_results/* combineResults */.yu)(results);
    runner.setOutput(outputs/* OUTPUT */.a.status, combined.status);
    if (combined.hasChanges !== undefined)
        runner.setOutput(outputs/* OUTPUT */.a.hasChanges, String(combined.hasChanges));
    if (combined.changes)
        runner.setOutput(outputs/* OUTPUT */.a.changes, JSON.stringify(combined.changes));
    runner.setOutput(outputs/* OUTPUT */.a.results, (0,report_results/* resultsJson */.ji)(results));
    if (files.size > 0)
        runner.setOutput(outputs/* OUTPUT */.a.logFile, joinLogs(members, files, input.dir));
    if (config.commentOnSummary && !(await runner.appendSummary(redactor.redact(buildManySummary(reports)))))
        runner.debug('The runner gave no job summary file (GITHUB_STEP_SUMMARY); no summary was written.');
    if (reporting.commenter)
        await reporting.commenter.upsert(redactor.redact(buildManyComment(reports)));
    const records = input.records;
    if (records) {
        await Promise.all(members.map((m, i) => (0,github_records/* recordEnd */.$f)(records, m.record, m.config, reports[i], m.results?.outputs)));
        await records.settled();
    }
    for (const report of reports) {
        for (const note of (0,annotations/* annotationsOf */.I)(report)) {
            const text = redactor.redact(note.message);
            if (note.level === 'error')
                runner.error(text, `${note.title} (${report.stack})`);
            else
                runner.warning(text, `${note.title} (${report.stack})`);
        }
    }
    judgeAll(run, members, reports, redactor);
}
function judgeAll(run, members, reports, redactor) {
    const { config, runner } = run;
    const failed = [];
    members.forEach((m, i) => {
        const report = reports[i];
        if (report.status === 'not-run') {
            if (m.createError || !m.notRun)
                failed.push(m.target.name);
            else
                runner.info(`${m.target.name}: ${m.notRun}`);
            return;
        }
        const verdict = (0,report_verdict/* judge */.S)(m.config, report);
        if (verdict.kind === 'fail') {
            failed.push(m.target.name);
            const text = verdict.annotation ? `${verdict.message}\n\n${verdict.annotation}` : verdict.message;
            runner.error(redactor.redact(text), verdict.title ? `${verdict.title} (${m.target.name})` : m.target.name);
        }
        else if (verdict.kind === 'warn')
            runner.warning(redactor.redact(verdict.message), verdict.title);
        else
            runner.info(verdict.message);
    });
    if (failed.length === 0) {
        runner.info(`The ${config.operation} of all ${members.length} stacks succeeded.`);
        return;
    }
    runner.setFailed(redactor.redact(`The ${config.operation} did not succeed for ${failed.length} of ${members.length} stacks: ` +
        `${failed.join(', ')}. Each one's error is annotated above, and the job summary has the details.`));
}
/** Every stack's log, one after the other in the listed order, in one file: the `log-file` output. */
function joinLogs(members, files, dir) {
    const first = members.find(m => m.created)?.created?.deployment.id ?? 'run';
    const path = (0,external_node_path_.join)(dir, `pulumi-deployments-${first.replace(/[^A-Za-z0-9_.-]/g, '_')}-all.log`);
    (0,external_node_fs_.writeFileSync)(path, '');
    for (const m of members) {
        const file = files.get(m.target.name);
        if (!file)
            continue;
        (0,external_node_fs_.appendFileSync)(path, `##### ${m.target.name} (deployment ${m.created?.deployment.version}) #####\n`);
        (0,external_node_fs_.appendFileSync)(path, (0,external_node_fs_.readFileSync)(file));
    }
    return path;
}

// EXTERNAL MODULE: ./src/action/results-stage.ts + 3 modules
var results_stage = __webpack_require__(8392);
;// CONCATENATED MODULE: ./src/action/many.ts
// Several stacks in one step: every deployment created (at most `max-parallel` at a time, in the listed order), all
// followed by one process under one request budget, their logs shown one stack after another, and one report.
// Loaded with import() only when the `stack` input names more than one stack.













// Creates are sent a few at a time: fifty at once would only meet Pulumi Cloud's rate limit together.
const CREATES_AT_ONCE = 4;
// The budget lets a request go every third of a poll interval: a status list, the front log's page, and one more;
// a few more may go at once after a quiet while, so the reads after a stack's end do not queue for long.
const REQUESTS_PER_POLL = 3;
const BURST = 6;
/** The config of one stack of the run, as a one-stack run would have it. */
function configFor(config, target) {
    return { ...config, stack: target.ref, stackName: target.name };
}
async function deployMany(run, input) {
    const { config, runner, stop } = run;
    const { clock } = input;
    const members = config.stacks.map(target => ({ target, config: configFor(config, target) }));
    const dir = input.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const desk = new LogDesk(members.map(m => m.target.name), {
        sink: {
            write: lines => runner.write(lines),
            startGroup: title => runner.startGroup(title),
            endGroup: () => runner.endGroup(),
            info: line => runner.info(line)
        },
        redact: s => run.redactor.redact(s),
        operation: config.operation,
        dir
    });
    const budget = new RequestBudget({
        clock,
        spacingMs: config.pollIntervalMs / REQUESTS_PER_POLL,
        burst: BURST,
        rank: request => rankOf(request, members, desk)
    });
    const client = new GatedClient(input.clientOptions, budget);
    const reporting = openManyReport(run, members, input);
    const records = (0,github_records/* openGitHubRecords */.QT)(config, runner, input.ctx, input.octokitFactory);
    runner.info(`Deploying ${members.length} stacks (${config.operation})` +
        (config.maxParallel ? `, ${config.maxParallel} at a time.` : ', all at once.'));
    const ended = new Map();
    const fleet = new DeploymentFleet(client, clock, { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }, {
        onLogs: (m, entries) => memberOf(members, m).renderer?.push(entries),
        onStatus: (m, d) => {
            const record = memberOf(members, m).record;
            if (record && d.status === 'running')
                void records?.status(record, 'in_progress');
            const line = `${m.name}: deployment ${d.version} ${STATUS_TEXT[d.status] ?? `is ${d.status}`}.`;
            if ((0,types/* isTerminal */.Hd)(d.status))
                desk.end(m.name, line);
            else
                desk.note(m.name, line);
        },
        onEnd: (m, outcome) => ended.get(m.name)?.(outcome),
        isFront: m => desk.isFront(m.name)
    }, {
        pollIntervalMs: config.pollIntervalMs,
        deadline: config.timeoutMs === undefined ? undefined : input.started + config.timeoutMs,
        signal: stop.signal
    });
    const following = config.wait ? fleet.run() : Promise.resolve();
    // Awaited below; until then a failure must not count as unhandled.
    following.catch(() => undefined);
    const created = [];
    runner.saveState(state/* STATE */.c.cancelOnAbort, String(config.cancelOnAbort));
    runner.saveState(state/* STATE */.c.cancelQueuedOnAbort, String(config.cancelQueuedOnAbort));
    const createSlots = new Slots(CREATES_AT_ONCE);
    const runSlots = new Slots(config.maxParallel ?? Number.POSITIVE_INFINITY);
    let halted;
    const lifecycle = async (m) => {
        await runSlots.take();
        try {
            if (stop.requested || halted || fleet.stopped) {
                m.notRun = halted
                    ? `Not run: ${halted} failed first, and \`max-parallel\` stops at the first failure.`
                    : stop.requested
                        ? 'Not run: the step was cancelled first.'
                        : 'Not run: the wait timed out first.';
                desk.end(m.target.name);
                return;
            }
            await createSlots.take();
            try {
                m.created = await (0,create_phase/* createPhase */.a)({
                    ...run,
                    config: m.config,
                    ctx: input.ctx,
                    client: new pulumi_client/* PulumiCloudClient */.rq(input.clientOptions),
                    clientOptions: input.clientOptions,
                    onCreated: d => {
                        created.push({ stack: m.target.name, id: d.id });
                        runner.saveState(state/* STATE */.c.deployments, JSON.stringify(created));
                    }
                });
            }
            catch (error) {
                m.createError = run.redactor.redact(error instanceof Error ? error.message : String(error));
                runner.error(m.createError, `Deployment not created: ${m.target.name}`);
            }
            finally {
                createSlots.give();
            }
            if (!m.created) {
                desk.end(m.target.name);
                if (config.maxParallel !== undefined)
                    halted ??= m.target.name;
                return;
            }
            m.renderer = desk.open(m.target.name, m.created.deployment.id);
            if (records)
                m.record = (0,github_records/* recordCreated */.yo)(records, m.config, m.created, input.ctx);
            if (!config.wait)
                return;
            const outcome = new Promise(resolve => ended.set(m.target.name, resolve));
            fleet.add(memberFor(m));
            m.outcome = await outcome;
            if (m.outcome.kind === 'terminal') {
                m.results = await (0,results_stage/* readResults */.x)({
                    client,
                    config: m.config,
                    deploymentId: m.created.deployment.id,
                    deploymentVersion: m.created.deployment.version,
                    outcome: m.outcome,
                    runner,
                    signal: stop.signal
                });
            }
            if (config.maxParallel !== undefined && m.outcome.deployment?.status === 'failed')
                halted ??= m.target.name;
        }
        finally {
            runSlots.give();
        }
    };
    try {
        await Promise.all(members.map(lifecycle));
    }
    finally {
        fleet.close();
        // A fleet that stopped early (cancelled, timed out) has already ended every member it had.
        await following;
        await desk.finish();
    }
    return finishMany(run, reporting, members, {
        client: new pulumi_client/* PulumiCloudClient */.rq(input.clientOptions),
        desk,
        dir,
        records
    });
}
function memberFor(m) {
    return { name: m.target.name, stack: m.target.ref, deploymentId: m.created?.deployment.id ?? '' };
}
function memberOf(members, m) {
    return members.find(x => x.target.name === m.name);
}
/** Status first (end detection must not wait), then the log in front, then everything else. */
function rankOf(request, members, desk) {
    if (request.method !== 'GET' || /\/api\/orgs\/[^/]+\/deployments$/.test(request.path))
        return 0;
    if (/\/deployments\/[^/]+$/.test(request.path))
        return 0;
    const front = members.find(m => desk.isFront(m.target.name));
    const frontId = front?.created?.deployment.id;
    if (frontId && request.path.endsWith(`/deployments/${encodeURIComponent(frontId)}/logs`))
        return 1;
    return 2;
}
const STATUS_TEXT = {
    'not-started': 'is queued and has not started yet',
    accepted: 'was accepted and is waiting for a runner',
    running: 'is running',
    succeeded: 'succeeded',
    failed: 'failed',
    skipped: 'was skipped'
};
/** A counting semaphore whose waiters are served in the order they came: the listed order of the stacks. */
class Slots {
    free;
    waiting = [];
    constructor(free) {
        this.free = free;
    }
    take() {
        if (this.free > 0) {
            this.free--;
            return Promise.resolve();
        }
        return new Promise(resolve => this.waiting.push(resolve));
    }
    give() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.free++;
    }
}


/***/ })

};
