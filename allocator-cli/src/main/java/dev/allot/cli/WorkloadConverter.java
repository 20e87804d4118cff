package dev.allot.cli;

import dev.allot.workload.WorkloadKind;

/** Reads {@code --workload}: {@code churn}, {@code sprites} or {@code text}. */
final class WorkloadConverter extends ChoiceConverter<WorkloadKind> {

  WorkloadConverter() {
    super(WorkloadKind.class);
  }
}
