// core/pilot/pilot.h — the `.qpilot` document: what one pilot asks (dataset and preprocessing,
// encoding and ansatz or a custom OpenQASM circuit, model, target devices, mitigation plan,
// shots, seeds, service-level objectives, cost assumptions, scorecard thresholds) as a value
// type, read from and written to JSON with a schema version (older versions are migrated on
// read), and validated with errors that name the field. The pipeline that runs a pilot is in
// pipeline.h; what a run produced is in run.h.
#pragma once

#include "core/common/result.h"
#include "core/readiness/thresholds.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::pilot {

// The schema version this build writes. Readers accept 1..kSchemaVersion and migrate.
constexpr int kSchemaVersion = 2;

struct DatasetSpec {
    std::string source;                  // "builtin:iris", a CSV path (relative to the .qpilot file)
                                         // or a generator spec "moons:rows=200,noise=0.1"
    std::string labelColumn;             // CSV only; empty = last column
    std::vector<std::string> ignoreColumns; // CSV only: columns left out of the features (names or 1-based)
    std::string impute = "none";         // CSV only: none | mean | median | drop
    std::vector<int> classes;            // keep only these classes (relabelled 0..k-1); empty = all
    std::string fingerprint;             // expected SHA-256 (empty = not checked); a mismatch is an error
};

struct PreprocessingSpec {
    double testFraction = 0.3;           // stratified split
    int pca = 0;                         // project onto this many components (0 = none)
    bool standardize = true;             // before PCA / encoding scaling
};

struct CircuitSpec {
    std::string encoding = "zz";         // encoding::kindByName names; ignored when customQasm is set
    int reps = -1;                       // -1 = the model's default
    std::string ansatz;                  // vqc: "real_amplitudes", ...; empty = the model's default
    std::string customQasm;              // OpenQASM 2/3 text of a custom circuit (optional)
};

struct ModelSpec {
    std::string kind = "kernel";         // "kernel" | "vqc"
    std::string optimizer = "adam";      // vqc: adam | spsa | cobyla
    int epochs = 60;
    double learningRate = 0.1;
    std::vector<std::string> baselines{"logistic", "svm", "mlp"}; // tuned classical baselines
    int folds = 5;
};

struct Objectives {                      // service-level objectives (SLOs)
    double maxLatencySeconds = 1.0;      // per inference
    double maxCostPer1kUsd = 10.0;       // per 1000 inferences
    double minAccuracyDelta = -0.02;     // quantum accuracy − best tuned baseline accuracy must be ≥ this
    double reproducibilityTolerance = 0.02; // max spread (max − min) of test accuracy over seeds
    std::int64_t productionRows = 100000; // production data size the training cost is projected to
    std::int64_t inferencesPerMonth = 1000000;
};

struct CostAssumptions {
    std::string plan;                    // price plan ("" = each pricing key's default plan)
    std::optional<double> queueSeconds;  // overrides the provider's queue assumption
    std::string classicalInstance = "m7g.large";
    double classicalUsdPerHour = 0.0816;
    double classicalThroughputPerSecond = 137000;
    std::vector<std::string> priceFiles; // extra price tables (paths relative to the .qpilot file)
};

struct Pilot {
    int schemaVersion = kSchemaVersion;
    std::string name;                    // short id, e.g. "breast-cancer-kernel"
    std::string title;                   // one line for the report cover
    std::string description;             // the story: what the business wants to know
    DatasetSpec dataset;
    PreprocessingSpec preprocessing;
    CircuitSpec circuit;
    ModelSpec model;
    std::vector<std::string> devices;    // device ids (findDevice names, NAME@DATE snapshots)
    std::string mitigation = "rem,zne";  // mitigation::parsePlan list
    int shots = 1000;                    // per circuit on the devices
    std::uint64_t seed = 1;              // the run's seed; reproducibility repeats derive from it
    int reproducibilitySeeds = 3;        // k runs with derived seeds for the spread
    Objectives objectives;
    CostAssumptions cost;
    readiness::Thresholds thresholds;    // scorecard thresholds (defaults unless the file overrides)
    std::string baseDirectory;           // where relative paths resolve (not serialised)
};

// Reads a .qpilot document (any schema version 1..kSchemaVersion; older ones are migrated).
// Errors are located (file, line, column for JSON syntax) and name the field:
// "devices[1]: unknown device 'ibm_nowhere' (see 'qpilot devices')", "shots: must be 1..10000000".
// `baseDirectory`: where relative paths resolve (empty: fileName's directory when that file
// exists) — a stored run's configuration is read against its original pilot's directory.
Result<Pilot> readPilot(const std::string& json, const std::string& fileName, const std::string& baseDirectory = {});
Result<Pilot> loadPilotFile(const std::string& path);

// The canonical JSON of `pilot` at kSchemaVersion (stable key order, so equal pilots give equal
// text). Used for saving and as the run's configuration record.
std::string writePilot(const Pilot& pilot);
// Atomic save (QSaveFile). Errors name the path and the system's reason.
std::optional<Error> savePilotFile(const Pilot& pilot, const std::string& path);

// Checks values and references (devices exist, dataset resolvable, encoding/model/mitigation
// names valid, ranges). Every problem names its field; all problems are returned, not just the first.
std::vector<Error> validatePilot(const Pilot& pilot);

// The shipped example pilots (resources/examples/*.qpilot, embedded): name → JSON text.
struct ExamplePilot {
    std::string name;                    // file base name, e.g. "breast_cancer_kernel"
    std::string json;
};
std::vector<ExamplePilot> examplePilots();
// The example pilot `name` ("breast_cancer_kernel") read; an error when there is none by that name.
Result<Pilot> readExamplePilot(const std::string& name);

} // namespace qpilot::pilot
