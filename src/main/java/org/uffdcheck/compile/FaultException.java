package org.uffdcheck.compile;

import org.uffdcheck.engine.Fault;

/** Raised inside a step when the model does something the runtime forbids; the step then ends in an error state. */
final class FaultException extends RuntimeException {
    final Fault fault;

    FaultException(Fault fault) {
        super(fault.description, null, false, false);
        this.fault = fault;
    }
}
