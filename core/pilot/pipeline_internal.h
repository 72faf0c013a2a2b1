// core/pilot/pipeline_internal.h — internal to core/pilot: what the pipeline's stages share while
// a pilot runs (the resolved data and split, the trained quantum model, the representative
// circuit, the price table), the seed streams every random draw derives from, and the stages
// implemented outside pipeline.cpp (the devices stage and the encoding curve in
// pipeline_devices.cpp).
#pragma once

#include "core/circuit/ir.h"
#include "core/cost/cost.h"
#include "core/encoding/encoding.h"
#include "core/mitigation/mitigation.h"
#include "core/ml/ml.h"
#include "core/pilot/pipeline.h"

#include <functional>
#include <optional>
#include <string>

namespace qpilot::pilot::detail {

// Seed streams: stream k of the run seed is mitigation::deriveSeed(seed, k). The split, the
// folds and the quantum model's own draws use the run seed itself (as `qpilot train --seed`
// does), so the pipeline's first split is the one `qpilot train` makes with the same seed.
enum SeedStream : std::uint64_t {
    kStreamTranspile = 100,      // + device index
    kStreamMitigation = 200,     // + device index
    kStreamCounts = 300,         // + device index
    kStreamRepeat = 1000,        // + repeat index k = 1..K-1
};

// Encoding curve: features from 2 up to this (amplitude: up to 2^6).
constexpr int kCurveMaxFeatures = 12;
constexpr int kCurveMaxAmplitudeFeatures = 64;

struct Context {
    Context(const Pilot& p, const PipelineHooks& h, PilotRun& r) : pilot(p), hooks(h), run(r) {}
    const Pilot& pilot;
    const PipelineHooks& hooks;
    PilotRun& run;
    // data
    ml::Dataset dataset;
    ml::Samples train, test;      // preprocessed (standardised / PCA as the pilot asks)
    // model
    ml::QuantumModelKind kind = ml::QuantumModelKind::Kernel;
    ml::QuantumModelOptions options; // ideal, at the run seed
    ml::QuantumDetails details;      // of the model trained at the run seed
    Circuit representative;          // the model circuit with one test sample (and the weights) bound
    std::string representativeNote;
    std::string observable;          // measured for the mitigation effect
    mitigation::MitigationPlan plan;
    std::optional<cost::PriceTable> prices;

    bool cancelled() const { return hooks.cancel && hooks.cancel->load(); }
    void progress(Stage s, double fraction, const std::string& message) const
    {
        if (hooks.progress)
            hooks.progress(Progress{s, fraction, message});
    }
};

// Each stage returns "" when done, or why it stopped; `cancelled` is set when it stopped because
// of the cancel flag.
struct StageOutcome {
    std::string error;
    bool cancelled = false;
    std::string message; // what it did, one line
};

StageOutcome runDevicesStage(Context& ctx);

// Preprocesses a split as the pilot asks (standardise and PCA fitted on `train`); `description`
// gets one line.
Result<std::pair<ml::Samples, ml::Samples>> preprocess(const Pilot& pilot, const ml::Samples& train, const ml::Samples& test,
                                                       std::string* description);

} // namespace qpilot::pilot::detail
