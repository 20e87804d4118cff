package dev.allot.cli;

import dev.allot.workload.WorkloadKind;

/** Reads {@code --workload}: one of the {@link WorkloadKind} names, in any case. */
final class WorkloadConverter extends ChoiceConverter<WorkloadKind> {

  WorkloadConverter() {
    super(WorkloadKind.class);
  }
}
