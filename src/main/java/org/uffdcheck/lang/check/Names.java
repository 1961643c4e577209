package org.uffdcheck.lang.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The model-wide names: values (globals, constants, enum members), types, procedures, labels. */
final class Names {
    final Map<String, Symbol> values = new HashMap<>();
    final Map<String, Type> types = new HashMap<>();
    final Map<String, ProcInfo> procs = new HashMap<>();
    final Set<String> labels = new HashSet<>();
    final Set<String> properties = new HashSet<>();
    /** The eventually and leadsto properties among them: the only ones a fairness line is about. */
    final Set<String> liveness = new HashSet<>();
    /** Every struct's name, known before any struct is laid out, so pointers may refer ahead. */
    final Set<String> structs = new HashSet<>();
    /** Constants and structs declared with a mistake already reported: uses of them stay quiet. */
    final Set<String> broken = new HashSet<>();
    /** Every global's name, known before constants are folded, so a constant that names one is told so. */
    final Set<String> globals = new HashSet<>();
}
