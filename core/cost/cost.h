// core/cost/cost.h — entry header of the cost module: dated price tables (resources/prices/
// *.json, embedded at build time, overridable by user files), the cost of a batch of
// inferences under every pricing model (IBM per-second usage, Braket per task + shot, Azure
// IonQ AQT, Quantinuum HQC, Azure Rigetti per 10 ms), the latency model, the classical
// baseline cost and the break-even analysis. Formulas: shared/reference/
// devices-prices-mitigation.md §3, §4, §6, §7 ([Sx] tags); docs/cost-model.md explains them.
#pragma once

#include "core/common/result.h"
#include "core/mitigation/mitigation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::cost {

// ---- price tables -------------------------------------------------------------------------

enum class PriceModel { Free, PerSecond, PerTaskShot, Aqt, Hqc };
const char* priceModelName(PriceModel m);

struct ProviderLatency {
    double queueSeconds = 0;
    std::string queueNote;               // the caveat printed with the queue figure
    double roundTripSeconds = 0;         // per network round trip
    std::string roundTripNote;
};

struct IbmUsageRule {                    // [S8]
    double subjobOverheadSeconds = 2;
    double typicalCircuitSeconds = 100e-6;   // upper end of "typical circuit length 50-100 us"
    double defaultRepDelaySeconds = 250e-6;
    double quickRuleSecondsPerExecution = 350e-6;
    std::string source, date;
};

struct PriceRow {
    std::string key;                     // the device profile's pricing key: "ibm", "braket:iqm_garnet", ...
    std::string plan;                    // "payg", "flex", "on_demand", "standard", ...
    std::string name;
    PriceModel model = PriceModel::PerTaskShot;
    bool isDefault = false;              // the plan used when none is asked for
    double usdPerSecond = 0, billingIncrementSeconds = 0;
    std::optional<double> assumedShotSeconds; // per-second rows for devices without a repetition delay
    double freeSeconds = 0;              // Free: quota per 28 days
    double usdPerTask = 0, usdPerShot = 0;
    std::optional<std::int64_t> minShotsErrorMitigation;
    double c1 = 0, c2 = 0, mEmOn = 0, mEmOff = 0;           // AQT
    double usdPerHqc = 0, hqcBase = 5, hqc2qWeight = 10, hqcMeasureWeight = 5, hqcDivisor = 5000;
    std::string date, source, note;      // every price carries its date and source tag
    std::string provider;                // the file's provider ("ibm", "braket", ...)
    std::string file;                    // where it was read from
    ProviderLatency latency;
};

struct PriceTable {
    std::vector<PriceRow> rows;
    IbmUsageRule ibm;
    std::vector<std::string> files;      // files read, in order
    // Rows with this pricing key, default plan first.
    std::vector<const PriceRow*> rowsFor(const std::string& key) const;
    // The row for key and plan (plan "" = the default plan); the error lists what exists.
    Result<const PriceRow*> find(const std::string& key, const std::string& plan = {}) const;
};

// Parses one price file (format_version 1). Errors are located (file, line, column) and name
// the field: unknown keys, negative or non-finite prices, missing date or source, a model
// without its rates. Rows of `into` with the same key and plan are replaced, new rows added.
std::optional<Error> loadPriceFile(const std::string& json, const std::string& fileName, PriceTable& into);
// A row's unit prices in words: "$1.6/s, billed per 1 s", "$0.3/task + $0.00145/shot", ...
std::string unitPricesText(const PriceRow& row);
// The shipped tables (resources/prices/*.json, embedded at build time).
PriceTable builtinPrices();
// The shipped tables with user files applied on top (each replaces rows by key and plan).
Result<PriceTable> loadPrices(const std::vector<std::string>& userFiles);

// ---- user price files (what-if copies of a price) -----------------------------------------

// A price file (format_version 1) holding `row` alone, with its provider, latency assumptions
// and date: loadPriceFile reads it back as the same row. A pilot listing the file in
// cost.price_files is priced with it instead of the shipped row of the same key and plan.
std::string priceFileJson(const PriceRow& row);
// A what-if copy of `row` with every rate of its model × `factor` (per second; per task and per
// shot; AQT c1, c2 and both m; per HQC), so any batch costs exactly `factor` times as much. Same
// key and plan (it replaces the original where a pilot lists it); dated `today`, its name, source
// and note say what was scaled from what. Errors: a factor that is not finite and > 0, a free plan
// (no rates), a date that is not YYYY-MM-DD.
Result<PriceRow> scaledPriceCopy(const PriceRow& row, double factor, const std::string& today);
// $QPILOT_DATA_DIR/prices, else the application data folder's "prices".
std::string defaultUserPriceStore();
// Where saveUserPriceFile puts `row`: <store>/<key>--<plan>.json, characters other than
// letters, digits, '_', '-' and '.' replaced by '_' ("braket_iqm_garnet--on_demand.json").
std::string userPriceFilePath(const PriceRow& row, const std::string& store);
// Checks `row` by the loader's rules (date, source, the model's rates; errors name the field)
// and writes it to userPriceFilePath atomically; returns the path. The same key and plan again
// replaces it.
Result<std::string> saveUserPriceFile(const PriceRow& row, const std::string& store);
// The price files (*.json) in `store`, sorted by name; a missing store has none.
std::vector<std::string> listUserPriceFiles(const std::string& store);
// Every file of the store read on its own: its rows as it states them (to list beside the
// published ones, not merged over them). A file that does not load is left out, its error kept.
struct UserPriceFiles {
    std::vector<PriceRow> rows;
    std::vector<std::string> files;              // the files read
    std::vector<Error> errors;                   // the files left out, located
};
UserPriceFiles loadUserPriceFiles(const std::string& store);

// ---- workload and cost --------------------------------------------------------------------

enum class Precision { Configured, Equal };     // shots per circuit as given, or equal precision
enum class AqtReading { Additive, Minimum };    // m + gates (formula) or max(m, gates) ("minimum price")

struct Workload {
    std::int64_t shots = 1000;                  // per circuit
    int circuitsPerInference = 1;
    std::int64_t inferences = 1000;             // per batch = one job / one set of tasks
    mitigation::CircuitFigures figures;
    mitigation::Overhead overhead;              // overheadFor(plan, figures, shots); default = none
    Precision precision = Precision::Configured;
    std::optional<double> repetitionDelay;      // device's, seconds
    bool learning = false;                      // PEC/PEA: IBM's quick rule does not apply
    bool ionqErrorMitigation = false;           // AQT m with error mitigation on
    AqtReading aqtReading = AqtReading::Additive;
};

// Executed totals of a batch: distinct circuits (programs / tasks) and shots.
struct BatchCounts {
    std::int64_t circuits = 0;
    std::int64_t executions = 0;
    std::int64_t workCircuits = 0, workExecutions = 0;  // without calibration
};
BatchCounts batchCounts(const Workload& w);

struct Cost {
    double batchUsd = 0;                 // the whole batch of w.inferences
    double perInferenceUsd = 0;
    double per1kUsd = 0;
    std::optional<double> qpuSeconds;    // billed seconds (per-second and free models)
    double billingUnits = 0;             // tasks (Braket), AQT, HQC, seconds
    std::string formula;                 // the arithmetic, human-readable
    std::vector<std::string> notes;
};
// The cost of w under one price row. Errors: a per-second row without a circuit duration.
Result<Cost> costOf(const PriceRow& row, const Workload& w, const IbmUsageRule& ibm);
// IBM usage estimate [S8]: n_subjobs·2 s + executions·(rep_delay + max(t_circuit, 100 µs));
// at the default 250 µs repetition delay without learning this is the quick rule
// 2 + 0.00035·executions s exactly.
double ibmUsageSeconds(std::int64_t subjobs, std::int64_t executions, double repDelay, double circuitSeconds,
                       const IbmUsageRule& rule);

// ---- latency ------------------------------------------------------------------------------

struct LatencyInputs {
    std::optional<double> compileSeconds;       // measured transpile time of one circuit
    std::optional<double> queueSeconds;         // overrides the provider's assumption
    std::optional<double> shotRate;             // device shots/s where known
    int roundTripsPerJob = 2;                   // submit + fetch
};
struct Latency {
    double compile = 0, queue = 0, network = 0;
    std::optional<double> execution;            // nullopt: the device lacks timing figures
    double mitigationMultiplier = 1;            // executions mitigated / unmitigated
    std::optional<double> total;
    std::string queueNote, executionNote;
};
// Latency of one inference submitted alone (perInference) and of the whole batch in one job.
Latency latencyOf(const PriceRow& row, const Workload& w, const IbmUsageRule& ibm, const LatencyInputs& in,
                  bool wholeBatch);

// ---- classical baseline -------------------------------------------------------------------

struct ClassicalOptions {
    std::string instance = "m7g.large";         // AWS 2 vCPU Graviton, us-east-1 June 2026 [S36]
    double usdPerHour = 0.0816;
    double throughputPerSecond = 137000;        // SVC RBF, 8 features, 1k rows, measured (reference §4)
    double lambdaUsdPerRequest = 0.20e-6;       // [S38]
    double lambdaUsdPerGbSecond = 0.0000166667; // x86 [S38]
    double lambdaMemoryGb = 0.125;              // 128 MB
    double lambdaMinBilledSeconds = 0.001;      // 1 ms billing granularity [S38]
};
struct ClassicalCost {
    double dedicatedPer1kUsd = 0;               // 1000 / throughput × $/h / 3600
    double serverlessPer1kUsd = 0;              // 1000 × (request fee + GB-s × billed duration)
    double latencySeconds = 0;                  // 1 / throughput (single-row lower bound)
};
ClassicalCost classicalCost(const ClassicalOptions& o);

// ---- break-even ---------------------------------------------------------------------------

struct BreakEven {
    double targetPer1kUsd = 0;
    double currentPer1kUsd = 0;
    double priceScale = 0;                      // all of this row's rates × priceScale meets the target
    std::optional<double> usdPerShotNeeded;     // per-task/shot rows: per-shot price that meets it
    std::optional<double> usdPerSecondNeeded;   // per-second rows
    std::optional<double> usdPerUnitNeeded;     // AQT: per AQT; HQC: per HQC
    std::optional<std::int64_t> maxShots;       // largest shots per circuit meeting the target (nullopt: none)
    std::optional<double> errorScale;           // PEC, or readout correction at equal precision: gate and
                                                // readout errors × this meet the target (nullopt: n/a or unreachable)
    std::string note;
};
// `plan` is re-evaluated for other shot counts and error scales (w.overhead must come from it).
BreakEven breakEven(const PriceRow& row, const Workload& w, const mitigation::MitigationPlan& plan,
                    const IbmUsageRule& ibm, double targetPer1kUsd);

} // namespace qpilot::cost
