package org.uffdcheck.trace;

/**
 * A change of a step that matters when reading a race: a lock taken or released, an element queued
 * on or taken off a list (events queued and read), an object freed, a fault.
 * target is the variable ("mmap_sem", "mm[0].mmap_sem", "event_wqh"); detail says more: the lock
 * mode ("read", "write", or "" for a spinlock), the element queued or read, the object freed.
 */
public record Effect(Kind kind, String target, String detail, int thread) {
    public enum Kind {
        LOCK_TAKEN("+", "lock taken"),
        LOCK_RELEASED("-", "released"),
        QUEUED(">", "queued"),
        READ("<", "read"),
        FREED("x", "freed"),
        FAULT("!", "fault");

        /** One character for the race diagram's marks. */
        public final String sign;
        public final String meaning;

        Kind(String sign, String meaning) {
            this.sign = sign;
            this.meaning = meaning;
        }

        public String json() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** As the race diagram marks it: "[+] mmap_sem (write)", "[>] event_wqh: UFFD_EVENT_FORK". */
    public String mark() {
        String d = detail.isEmpty() ? "" : kind == Kind.LOCK_TAKEN || kind == Kind.LOCK_RELEASED
                ? " (" + detail + ")" : ": " + detail;
        return "[" + kind.sign + "] " + target + d;
    }
}
