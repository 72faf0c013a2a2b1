// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/run_output.h — what `qpilot run` and `qpilot runs reproduce` print: progress lines per
// pipeline stage (standard error) and the finished execution as text or one JSON object.
#pragma once

#include "core/pilot/execute.h"

#include <ostream>

namespace qpilot::cli {

// Hooks that print "[k/7] Stage title" when a stage starts and its status/time when it ends.
pilot::PipelineHooks progressPrinter(std::ostream& err);

// The run's stages, verdict, best scorecard, per-device figures, report and store record.
void printExecution(const pilot::Execution& execution, const pilot::Pilot& pilot,
                    const pilot::ExecuteOptions& options, bool json, std::ostream& out);

} // namespace qpilot::cli
