// core/mitigation/report.cpp — the per-technique effect and overhead report on the simulator.
#include "core/mitigation/report.h"

#include "core/device/device.h"
#include "core/noise/noise.h"
#include "core/transpile/transpile.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace qpilot::mitigation {

Result<MitigationReport> mitigateOnSimulator(const Circuit& circuit, const DeviceProfile& device,
                                             const std::string& observable, const MitigationPlan& plan,
                                             const SimulatorRunOptions& options)
{
    if (plan.trex)
        return Error{"trex is not simulated (use rem for readout correction)"};
    if (plan.zne && plan.zne->folding == Folding::Pea)
        return Error{"pea noise amplification is not simulated; fold global, local or 2q"};
    if (options.shots < 0)
        return Error{"shots must be >= 0 (0 = exact probabilities)"};
    auto unitaryResult = unitaryPart(circuit);
    if (!unitaryResult)
        return unitaryResult.error();
    const Circuit unitary = std::move(unitaryResult).value();
    const int n = unitary.numQubits();
    if (n > device.numQubits)
        return Error{std::to_string(n) + " qubits do not fit " + device.id + " (" + std::to_string(device.numQubits)
                     + " qubits)"};
    if (n > options.maxQubits)
        return Error{std::to_string(n) + " qubits; the mitigation run simulates density matrices up to "
                     + std::to_string(options.maxQubits) + " qubits"};
    auto pauliResult = checkPauli(observable, n);
    if (!pauliResult)
        return pauliResult.error();
    const std::string pauli = pauliResult.value();
    auto noiseResult = NoiseModel::fromDevice(device);
    if (!noiseResult)
        return Error{device.id + ": " + noiseResult.error().message};
    const NoiseModel& noise = noiseResult.value();
    auto transpiled = transpile(circuit, device);
    if (!transpiled)
        return Error{"cannot transpile for " + device.id + ": " + transpiled.error().message};
    const CircuitFigures figures = figuresOf(transpiled.value(), device);
    auto predict = [&](MitigationPlan single) -> Result<Overhead> {
        single.learning = plan.learning;
        return overheadFor(single, figures, std::max(options.shots, 1));
    };

    MitigationReport report;
    report.qubits = n;
    report.observable = pauli;
    report.placement = "logical qubit i on physical qubit i of " + device.id + " (no routing)";
    report.noiseDescription = noise.description;
    report.ideal = idealExpectation(unitary, pauli).value();
    const Backend raw{&noise, options.shots, options.seed, nullptr};
    auto noisy = measurePauli(unitary, pauli, raw, 0);
    if (!noisy)
        return noisy.error();
    report.noisy = noisy.value();

    // The baseline each technique is judged against: the noisy value, or with rem the
    // readout-corrected noisy value (the other techniques read through that correction).
    Measurement baseline = report.noisy;
    std::optional<ReadoutCalibration> calibration;
    Backend backend = raw;
    auto start = [&](const char* name) {
        TechniqueReport t;
        t.technique = name;
        t.effect.ideal = report.ideal;
        t.effect.noisy = baseline.value;
        t.effect.noisyStdError = std::sqrt(baseline.variance);
        if (calibration && std::string(name) != "rem") {
            std::ostringstream s;
            s << std::fixed << std::setprecision(6) << baseline.value;
            t.notes.push_back("reads through rem's correction; bias before = the readout-corrected noisy value " + s.str());
        }
        return t;
    };
    if (plan.readout) {
        std::vector<int> all;
        for (int q = 0; q < n; ++q)
            all.push_back(q);
        auto cal = calibrateReadout(n, all, plan.readout->method, noise,
                                    options.shots > 0 ? int(plan.readout->calibrationShots) : 0,
                                    deriveSeed(options.seed, 77));
        if (!cal)
            return Error{"rem: " + cal.error().message};
        calibration = std::move(cal).value();
        backend.readout = &*calibration;
        auto m = measurePauli(unitary, pauli, backend, 0); // the noisy run's data, corrected
        if (!m)
            return m.error();
        TechniqueReport t = start("rem");
        t.effect.mitigated = m.value().value;
        t.effect.mitigatedStdError = std::sqrt(m.value().variance);
        t.effect.circuits = 1;
        t.effect.shots = options.shots;
        t.effect.calibrationCircuits = calibration->circuits;
        t.effect.calibrationShots = calibration->shots;
        MitigationPlan single;
        single.readout = plan.readout;
        if (auto p = predict(single))
            t.predicted = p.value();
        t.readout = calibration;
        report.techniques.push_back(std::move(t));
        baseline = m.value();
    }
    if (plan.zne) {
        auto z = runZne(unitary, pauli, *plan.zne, backend);
        if (!z)
            return Error{"zne: " + z.error().message};
        TechniqueReport t = start("zne");
        t.effect.mitigated = z.value().extrapolation.estimate;
        t.effect.mitigatedStdError = z.value().extrapolation.stdError;
        t.effect.circuits = z.value().circuits;
        t.effect.shots = z.value().shots;
        MitigationPlan single;
        single.zne = plan.zne;
        if (auto p = predict(single))
            t.predicted = p.value();
        if (!z.value().extrapolation.note.empty())
            t.notes.push_back(z.value().extrapolation.note);
        t.zne = std::move(z).value();
        report.techniques.push_back(std::move(t));
    }
    if (plan.pec) {
        PecOptions o = options.pec;
        o.maxOverhead = plan.pec->maxOverhead;
        PecRepresentation rep;
        auto p = runPec(unitary, pauli, o, backend, &rep);
        if (!p)
            return Error{"pec: " + p.error().message};
        TechniqueReport t = start("pec");
        t.effect.mitigated = p.value().estimate;
        t.effect.mitigatedStdError = p.value().stdError;
        t.effect.circuits = p.value().circuits;
        t.effect.shots = p.value().shots;
        MitigationPlan single;
        single.pec = plan.pec;
        if (auto pr = predict(single))
            t.predicted = pr.value();
        else
            t.notes.push_back("prediction for the transpiled circuit: " + pr.error().message);
        t.notes.push_back("quasi-probabilities from each gate's process infidelity under the device noise model "
                          "(depolarizing representation; relaxation is not Pauli noise, so a small bias can remain)");
        t.pec = p.value();
        t.pecRepresentedGates = int(rep.gates.size());
        report.techniques.push_back(std::move(t));
    }
    if (plan.twirl) {
        const int r = options.twirlRandomizations > 0 ? options.twirlRandomizations : plan.twirl->randomizations.value_or(0);
        auto tw = runTwirl(unitary, pauli, r, backend);
        if (!tw)
            return Error{"twirl: " + tw.error().message};
        TechniqueReport t = start("twirl");
        t.effect.mitigated = tw.value().estimate;
        t.effect.mitigatedStdError = tw.value().stdError;
        t.effect.circuits = tw.value().circuits;
        t.effect.shots = tw.value().shots;
        MitigationPlan single;
        single.twirl = plan.twirl;
        if (auto p = predict(single))
            t.predicted = p.value();
        t.notes.push_back("twirling turns noise into Pauli noise; it removes no bias by itself (it is what PEC/PEA assume)");
        t.twirl = tw.value();
        report.techniques.push_back(std::move(t));
    }
    if (plan.dd) {
        auto d = insertDynamicalDecoupling(unitary, device, *plan.dd);
        if (!d)
            return Error{"dd: " + d.error().message};
        auto m = measurePauli(d.value().circuit, pauli, backend, 0);
        if (!m)
            return m.error();
        TechniqueReport t = start("dd");
        t.effect.mitigated = m.value().value;
        t.effect.mitigatedStdError = std::sqrt(m.value().variance);
        t.effect.circuits = 1;
        t.effect.shots = m.value().shots;
        MitigationPlan single;
        single.dd = plan.dd;
        if (auto p = predict(single))
            t.predicted = p.value();
        t.notes.push_back("the simulator has no idle-time noise, so DD cannot help here; the pulses' own gate noise shows");
        t.ddSequence = plan.dd;
        t.ddFilled = int(d.value().filled.size());
        t.ddSkipped = d.value().skippedWindows;
        t.ddPulses = d.value().pulses;
        t.ddSequenceSeconds = d.value().sequenceDuration;
        report.techniques.push_back(std::move(t));
    }
    return report;
}

} // namespace qpilot::mitigation
