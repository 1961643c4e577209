package org.uffdcheck.engine;


/**
 * Which property a violation breaks. Several runtime faults report against one name (six against
 * memory_safe), so the name alone does not tell two violations apart; the fault does.
 *
 * @param name  the property as scenarios name it in check and expect lines
 * @param fault the runtime fault, or null for an invariant, a deadlock or a reachability property
 */
public record PropertyId(String name, Fault fault) {
    public static final PropertyId DEADLOCK = new PropertyId("deadlock", null);

    public static PropertyId of(String name) { return new PropertyId(name, null); }

    public static PropertyId of(Fault fault) { return new PropertyId(fault.property, fault); }

    /** The name, with the fault's kind when other faults share the name: "memory_safe (leak)". */
    public String show() {
        if (fault == null) return name;
        for (Fault f : Fault.values()) {
            if (f != fault && f.property.equals(name)) return name + " (" + fault.kind + ")";
        }
        return name;
    }
}
