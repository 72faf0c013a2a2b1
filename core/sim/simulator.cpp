// core/sim/simulator.cpp — owns simulate(): compiling the circuit, choosing the method
// (state vector without noise; density matrix or trajectories with it), dispatching to the
// engines, and the method names used by the CLI.
#include "core/sim/simulator.h"

#include "core/noise/noise.h"
#include "core/sim/engine.h"
#include "core/sim/noisy.h"

#include <chrono>
#include <thread>

namespace qpilot::sim {

const char* methodName(Method m)
{
    switch (m) {
    case Method::Auto: return "auto";
    case Method::StateVector: return "statevector";
    case Method::DensityMatrix: return "density";
    case Method::Trajectories: return "trajectories";
    }
    return "auto";
}

std::optional<Method> methodByName(const std::string& name)
{
    if (name == "auto")
        return Method::Auto;
    if (name == "statevector" || name == "state-vector" || name == "sv")
        return Method::StateVector;
    if (name == "density" || name == "density-matrix" || name == "density_matrix" || name == "dm")
        return Method::DensityMatrix;
    if (name == "trajectories" || name == "trajectory" || name == "mcwf")
        return Method::Trajectories;
    return std::nullopt;
}

Result<SimResult> simulate(const Circuit& circuit, const SimOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    if (options.shots < 0)
        return Error{"the number of shots cannot be negative (got " + std::to_string(options.shots) + ")"};
    if (options.threads < 0)
        return Error{"the number of threads cannot be negative (got " + std::to_string(options.threads) + ")"};

    auto program = compileProgram(circuit, options.parameters);
    if (!program)
        return program.error();
    const Program& p = program.value();

    const bool noisy = options.noise != nullptr && !options.noise->isIdeal();
    Method method = options.method;
    if (method == Method::Auto)
        method = !noisy ? Method::StateVector
                        : (p.numQubits <= options.densityMaxQubits ? Method::DensityMatrix : Method::Trajectories);
    if (method == Method::StateVector && noisy)
        return Error{"the statevector method cannot apply a noise model; use the density or trajectories method "
                     "(or auto)"};

    SimOptions resolved = options;
    if (resolved.threads == 0)
        resolved.threads = int(std::max(1u, std::thread::hardware_concurrency()));

    Result<SimResult> result = Error{};
    switch (method) {
    case Method::DensityMatrix:
        result = simulateDensityMatrix(p, resolved);
        break;
    case Method::Trajectories:
        result = simulateTrajectories(p, resolved);
        break;
    case Method::StateVector:
    case Method::Auto: {
        if (resolved.cancel && resolved.cancel->load())
            return Error{"cancelled"};
        const detail::PreparedProgram prepared = detail::prepareProgram(p, resolved.fusionMaxQubits);
        result = detail::runStateVector(prepared, resolved, resolved.threads);
        break;
    }
    }
    if (!result)
        return result;
    SimResult r = std::move(result).value();
    r.method = method;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace qpilot::sim
