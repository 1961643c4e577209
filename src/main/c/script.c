/* Reads an op script: one directive a line, '#' to the end of a line a comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/userfaultfd.h>
#include "harness.h"

static const struct { const char *name; enum op_kind kind; int nargs; int monitor; } OPS[] = {
    {"fork", OP_FORK, 1, 0}, {"munmap", OP_MUNMAP, 2, 0}, {"touch", OP_TOUCH, 1, 0},
    {"mremap", OP_MREMAP, 5, 0}, {"madvise", OP_MADVISE, 3, 0}, {"mmap_fixed", OP_MMAP_FIXED, 2, 0},
    {"close", OP_CLOSE, 1, 0}, {"exit", OP_EXIT, 0, 0},
    {"read", OP_READ, 1, 1}, {"read_nonblock", OP_READ_NONBLOCK, 1, 1}, {"poll", OP_POLL, 1, 1}, {"copy", OP_COPY, 3, 1}, {"zeropage", OP_ZEROPAGE, 3, 1},
    {"wake", OP_WAKE, 3, 1}, {"close_uffd", OP_CLOSE_UFFD, 1, 1}, {"asleep", OP_ASLEEP, 1, 1},
    {"poll_fault", OP_POLL_FAULT, 1, 1}, {"poll_events", OP_POLL_EVENTS, 2, 1}, {"poll", OP_POLL, 1, 0},
};
#define NOPS ((int)(sizeof OPS / sizeof OPS[0]))

const char *op_name(enum op_kind k) {
    for (int i = 0; i < NOPS; i++)
        if (OPS[i].kind == k) return OPS[i].name;
    return "?";
}

static int features_of(const char *w) {
    int f = 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", w);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (!strcmp(t, "fork")) f |= UFFD_FEATURE_EVENT_FORK;
        else if (!strcmp(t, "unmap")) f |= UFFD_FEATURE_EVENT_UNMAP;
        else if (!strcmp(t, "remap")) f |= UFFD_FEATURE_EVENT_REMAP;
        else if (!strcmp(t, "remove")) f |= UFFD_FEATURE_EVENT_REMOVE;
        else if (strcmp(t, "none")) return -1;
    }
    return f;
}

static int ints(char **w, int n, int *out) {
    for (int i = 0; i < n; i++) {
        char *end;
        if (!w[i]) return -1;
        out[i] = (int)strtol(w[i], &end, 10);
        if (*end) return -1;
    }
    return 0;
}

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); fclose(f); return -1; } while (0)

static int words(char *line, char **w, int max) {
    int n = 0;
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;
    for (char *save = NULL, *t = strtok_r(line, " \t\r\n", &save); t && n < max; t = strtok_r(NULL, " \t\r\n", &save))
        w[n++] = t;
    for (int i = n; i < max; i++) w[i] = NULL;
    return n;
}

static int op_line(struct thread_spec *t, char **w, int n) {
    for (int i = 0; i < NOPS; i++) {
        /* poll is both a monitor op and a process op (of a kept uffd): one entry each. */
        if (strcmp(w[0], OPS[i].name) || OPS[i].monitor != (t->proc == MONITOR)) continue;
        if (n != 1 + OPS[i].nargs || t->nops == MAX_OPS) return -1;
        struct op *o = &t->ops[t->nops];
        o->kind = OPS[i].kind;
        if (o->kind == OP_ASLEEP) snprintf(o->target, NAME_LEN, "%s", w[1]);
        else if (ints(w + 1, OPS[i].nargs, o->a)) return -1;
        t->nops++;
        return 0;
    }
    return -1;
}

static int bad(int v, int lo, int hi) { return v < lo || v > hi; }

/* Numbers index the harness's tables: out of range is a bad script, never a stray write. */
static int check_ranges(const struct script *s, char *err, size_t errlen) {
    const char *what = NULL;
    for (int i = 0; i < s->nprocs; i++) if (bad(s->procs[i], 0, MAX_PROCS - 1)) what = "process number";
    for (int i = 0; i < s->nuffds; i++)
        if (bad(s->uffds[i].u, 0, MAX_UFFDS - 1) || bad(s->uffds[i].proc, 0, MAX_PROCS - 1)) what = "uffd line";
    for (int i = 0; i < s->nvmas; i++) {
        const struct vma_spec *v = &s->vmas[i];
        if (bad(v->proc, 0, MAX_PROCS - 1) || bad(v->start, 0, s->pages - 1) || bad(v->end, v->start + 1, s->pages)
            || bad(v->u, -1, MAX_UFFDS - 1)) what = "vma line";
    }
    for (int i = 0; i < s->npages; i++)
        if (bad(s->pageset[i].proc, 0, MAX_PROCS - 1) || bad(s->pageset[i].page, 0, s->pages - 1)) what = "page line";
    for (int i = 0; i < s->nkeeps; i++)
        if (bad(s->keeps[i].proc, 0, MAX_PROCS - 1) || bad(s->keeps[i].u, 0, MAX_UFFDS - 1)) what = "keep line";
    for (int t = 0; t < s->nthreads; t++) {
        if (bad(s->threads[t].proc, MONITOR, MAX_PROCS - 1)) what = "thread's process";
        for (int k = 0; k < s->threads[t].nops; k++)
            if (s->threads[t].ops[k].kind == OP_FORK && bad(s->threads[t].ops[k].a[0], 0, MAX_PROCS - 1))
                what = "fork's child number";
    }
    if (s->fds > UFFD_FD_BASE) what = "fds (at most 40)";
    for (int i = 0; i < s->nuffds; i++)
        if (s->fds >= 0 && s->uffds[i].u >= s->fds) what = "uffd number (not below fds)";
    if (!what) return 0;
    snprintf(err, errlen, "%s out of the harness's range", what);
    return -1;
}

/* An asleep op names a process thread of the script, declared anywhere in it. */
static int resolve_asleep(struct script *s, char *err, size_t errlen) {
    for (int t = 0; t < s->nthreads; t++)
        for (int k = 0; k < s->threads[t].nops; k++) {
            struct op *o = &s->threads[t].ops[k];
            if (o->kind != OP_ASLEEP) continue;
            o->a[0] = -1;
            for (int i = 0; i < s->nthreads; i++)
                if (!strcmp(s->threads[i].name, o->target) && s->threads[i].proc != MONITOR && i != t) o->a[0] = i;
            if (o->a[0] < 0) {
                snprintf(err, errlen, "thread %s: asleep %s: no process thread of that name", s->threads[t].name, o->target);
                return -1;
            }
        }
    return 0;
}

int parse_script(const char *path, struct script *s, char *err, size_t errlen) {
    FILE *f = fopen(path, "r");
    char line[512], *w[8];
    int lineno = 0, v[5];
    struct thread_spec *cur = NULL;
    if (!f) { snprintf(err, errlen, "cannot read %s", path); return -1; }
    memset(s, 0, sizeof *s);
    s->fds = -1;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        int n = words(line, w, 8);
        if (n == 0) continue;
        if (!strcmp(w[0], "scenario") && n == 2) {
            snprintf(s->scenario, NAME_LEN, "%s", w[1]);
        } else if (!strcmp(w[0], "pages") && n == 2 && !ints(w + 1, 1, &s->pages)) {
        } else if (!strcmp(w[0], "fds") && n == 2 && !ints(w + 1, 1, &s->fds)) {
        } else if (!strcmp(w[0], "area") && n == 2 && !strcmp(w[1], "top")) {
            s->area_top = 1;
        } else if (!strcmp(w[0], "process") && n == 2 && !ints(w + 1, 1, v) && s->nprocs < MAX_PROCS) {
            s->procs[s->nprocs++] = v[0];
        } else if (!strcmp(w[0], "uffd") && n == 4 && !ints(w + 1, 2, v) && s->nuffds < MAX_UFFDS) {
            int feat = features_of(w[3]);
            if (feat < 0) FAIL("line %d: unknown feature in %s", lineno, w[3]);
            s->uffds[s->nuffds++] = (struct uffd_spec){v[0], v[1], feat};
        } else if (!strcmp(w[0], "vma") && n == 5 && !ints(w + 1, 4, v) && s->nvmas < MAX_VMAS) {
            s->vmas[s->nvmas++] = (struct vma_spec){v[0], v[1], v[2], v[3]};
        } else if (!strcmp(w[0], "page") && n == 4 && !ints(w + 1, 3, v) && s->npages < MAX_PAGES_SET) {
            s->pageset[s->npages++] = (struct page_spec){v[0], v[1], v[2]};
        } else if (!strcmp(w[0], "keep") && n == 3 && !ints(w + 1, 2, v) && s->nkeeps < MAX_UFFDS) {
            s->keeps[s->nkeeps++] = (struct keep_spec){v[0], v[1]};
        } else if (!strcmp(w[0], "thread") && n == 3 && s->nthreads < MAX_THREADS) {
            cur = &s->threads[s->nthreads++];
            snprintf(cur->name, NAME_LEN, "%s", w[1]);
            if (!strcmp(w[2], "monitor")) cur->proc = MONITOR;
            else if (ints(w + 2, 1, &cur->proc)) FAIL("line %d: thread %s: process number or monitor", lineno, w[1]);
        } else if (!strcmp(w[0], "kill") && n == 2) {
            int found = 0;
            for (int i = 0; i < s->nthreads; i++)
                if (!strcmp(s->threads[i].name, w[1])) { s->threads[i].kill = 1; found = 1; }
            if (!found) FAIL("line %d: kill %s: no such thread above", lineno, w[1]);
        } else if (cur && !op_line(cur, w, n)) {
        } else {
            FAIL("line %d: cannot read \"%s\"", lineno, w[0]);
        }
    }
    fclose(f);
    if (s->pages <= 0) { snprintf(err, errlen, "no pages line"); return -1; }
    if (resolve_asleep(s, err, errlen)) return -1;
    return check_ranges(s, err, errlen);
}
