package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;

/**
 * What a {@link ContractRun} sees after a call, or after creating the allocator: the checkers of
 * the state compare it with the model, which has recorded the call by then.
 *
 * @param operation the call, or {@code capacity N} for the creation
 * @param call the call as failure messages name it: its trace line and line number
 * @param result how the call ended
 * @param after what the allocator shows now
 * @param model the model after the call
 * @param allocator the allocator under test
 */
record StepState(
    TraceOperation operation,
    String call,
    StepResult result,
    Observation after,
    AllocationModel model,
    Allocator allocator) {}
