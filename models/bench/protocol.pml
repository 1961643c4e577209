/*
 * The Promela twin of protocol.uffd: the same fork/munmap/monitor protocol at the same
 * granularity, so that SPIN's exhaustive search stores as many distinct states as uffdcheck does
 * for each row. uffdcheck bench --vs-spin compiles it with the row's parameters:
 *
 *     spin -o1 -o2 -o3 -DFORKS=2 -DMUNMAPS=1 -DMONITORS=1 -DPAGES=2 -a protocol.pml
 *     cc -O2 -DNOREDUCE -DSAFETY -o pan pan.c
 *     ./pan -E -m1000000
 *
 * Why the options: -DNOREDUCE turns partial-order reduction off, as uffdcheck reduces nothing by
 * default. -o1 (no dead-variable reset), -o2 (write-only variables kept) and -o3 (no statement
 * merging) change no count of this twin today, but they keep an edit that adds a local from
 * letting SPIN fold steps or states that uffdcheck keeps apart. -E: a monitor
 * blocked for good is a valid end of a run here, as uffdcheck does not look for deadlocks in the
 * bench rows.
 *
 * How each uffdcheck step maps to one SPIN transition:
 * - the rwsem is a writer flag and a reader count; down_write and down_read are d_steps that test
 *   and take it in one transition, as the built-ins are one step. The holders are known from the
 *   threads' places, so this encoding stores no more and no less than uffdcheck's.
 * - the event list is an array and a length, with freed slots zeroed so that equal lists are equal
 *   states; push_back and pop_front are d_steps. The shifting index is hidden (not in the state).
 * - the thread's number is _pid: forks first, then munmaps, then monitors, as in the rows.
 * - either { atomic { await ..; pop } } or { await ..; ... }: the first branch has no await at its
 *   head, so choosing it is a step of its own (the option's "true"), and the atomic block is the
 *   next; the second branch's guard and choice are one step, as the option's first statement.
 * - while (true) costs no step, like the do loop's head.
 * - a finished fork or munmap stays in the state at its end: the monitors, started after it,
 *   never end, so SPIN never removes it.
 */

#define EVENTS (FORKS + MUNMAPS)

bool writer;
byte readers;
byte queue[EVENTS];
byte queued;
hidden byte shift;
bool event_read[EVENTS + 1];
byte copied;
byte vmas = EVENTS;

inline down_write() { d_step { !writer && readers == 0 -> writer = true } }
inline up_write() { writer = false }
inline down_read() { d_step { !writer -> readers++ } }
inline up_read() { readers-- }

inline push_back(v) { d_step { queue[queued] = v; queued++ } }

inline pop_front(dst) {
    d_step {
        queued > 0;
        dst = queue[0];
        shift = 0;
        do
        :: shift + 1 < queued -> queue[shift] = queue[shift + 1]; shift++
        :: else -> break
        od;
        queue[shift] = 0;
        queued--;
        shift = 0
    }
}

active [FORKS] proctype dup_mmap() {
    down_write();
    vmas++;
    up_write();
    push_back(_pid);
    event_read[_pid]
}

active [MUNMAPS] proctype do_munmap() {
    down_write();
    vmas--;
    up_write();
    push_back(_pid);
    event_read[_pid]
}

active [MONITORS] proctype monitor() {
    byte e;
    byte pages;
    do
    :: true ->
        pop_front(e);
        event_read[e] = true
    :: pages < PAGES ->
        down_read();
        pages++;
        copied++;
        up_read()
    od
}
