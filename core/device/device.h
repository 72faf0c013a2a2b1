// core/device/device.h — entry header of the device module: a device profile (qubits,
// coupling map, native gates, per-qubit and per-gate calibration, throughput, pricing
// reference, sources), loading from JSON with located errors, the profiles shipped in
// resources, and the lookups the transpiler and the noise model use (edges, per-gate error
// and duration with median fallback).
#pragma once

#include "core/common/result.h"

#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace qpilot {

struct QubitCalibration {
    std::optional<double> t1;          // seconds
    std::optional<double> t2;          // seconds
    std::optional<double> readoutP1Given0;
    std::optional<double> readoutP0Given1;
};

// Calibration of one native gate on specific physical qubits (one qubit, or an ordered pair
// for a directed coupler / an unordered pair otherwise). Unknown values stay nullopt.
struct GateCalibration {
    std::string gate;                  // Qpilot gate name: "cz", "ecr", "sx", "x", "prx", "ms", ...
    std::vector<int> qubits;
    std::optional<double> error;       // average gate infidelity r
    std::optional<double> duration;    // seconds
};

struct DeviceProfile {
    std::string id;                    // "ibm_torino"
    std::string provider;              // "IBM"
    std::string name;                  // "IBM Heron r1 (ibm_torino)"
    int numQubits = 0;
    std::vector<std::string> nativeGates;
    // Medians (used where a per-qubit value is missing). Times in seconds.
    std::optional<double> t1, t2;
    std::optional<double> gateError1q, gateError2q;   // average gate infidelity r
    std::optional<double> gateTime1q, gateTime2q, readoutTime;
    std::optional<double> readoutError;               // symmetric median when p(0|1)/p(1|0) unknown
    std::vector<QubitCalibration> qubits;             // may be empty or shorter than numQubits
    std::string source;                               // where the numbers come from
    std::string calibrationDate;                      // ISO date

    // Connectivity. allToAll == true means every pair is coupled (ion traps) and couplers is
    // empty. Otherwise couplers lists the coupled pairs; directed == true means a pair (a, b)
    // allows the native 2q gate with a as its first operand only (IBM Eagle's ECR).
    std::string topology;                             // "heavy-hex", "square", "all-to-all", "line", "custom"; "" = unknown (format 1)
    int latticeRows = 0, latticeColumns = 0;          // square lattice shape when known (rows * columns == numQubits)
    bool allToAll = false;
    bool directed = false;
    std::vector<std::pair<int, int>> couplers;
    std::vector<GateCalibration> gates;               // per-gate calibration, may be empty
    std::optional<double> repetitionDelay;            // seconds between shots (IBM rep_delay)
    std::optional<double> clops;                      // circuit layer operations per second
    std::optional<double> shotRate;                   // shots per second where CLOPS is not published
    std::optional<int> quantumVolume;
    std::optional<double> layerFidelity100;           // IBM LF over a 100-qubit chain
    std::string family;                               // "IBM Heron r2", "IonQ Forte", ...
    std::string pricing;                              // key into resources/prices (cost issue): "ibm", "braket:iqm_garnet", ...
    std::vector<std::pair<std::string, std::string>> fieldSources; // field -> source tag ("[S10]", "derived: median", ...)
};

// Every coupled pair once, as (min, max) sorted; all-to-all profiles generate n(n-1)/2 pairs.
std::vector<std::pair<int, int>> undirectedEdges(const DeviceProfile& device);
// Whether the native 2q gate may act on (a, b) in that operand order.
bool allowsTwoQubitGate(const DeviceProfile& device, int a, int b);
// Error and duration of a native gate on given qubits: the per-gate calibration when present
// (for an undirected device either pair order matches), else the profile's median for that
// arity; nullopt when neither is known.
std::optional<double> gateError(const DeviceProfile& device, const std::string& gate, const std::vector<int>& qubits);
std::optional<double> gateDuration(const DeviceProfile& device, const std::string& gate, const std::vector<int>& qubits);
// Per-qubit calibration with the medians filled in where the qubit's own value is missing.
QubitCalibration qubitCalibration(const DeviceProfile& device, int qubit);

// Topology generators used to build profiles and tests (edges sorted, (min, max)).
// Qubit (r, c) of a square lattice is r * columns + c.
std::vector<std::pair<int, int>> squareLatticeCouplers(int rows, int columns);
std::vector<std::pair<int, int>> lineCouplers(int qubits);
// IBM's heavy-hex lattices with IBM's qubit numbering, for the processor sizes that exist:
// 127 (Eagle: 7 rows of 15 with the first/last row trimmed to 14, 144 couplers), 133 (Heron
// r1: 7 rows of 15 plus 4 dangling bridge qubits, 150 couplers) and 156 (Heron r2/r3: 8 rows
// of 16, 176 couplers); checked edge for edge against the qiskit-ibm-runtime fake-backend
// coupling maps [S10]. Any other size is an error naming the supported ones.
Result<std::vector<std::pair<int, int>>> heavyHexCouplers(int qubits);

// The native gate names a profile may list (Qpilot gate names): rz sx x rx cx ecr cz rzz
// iswap prx gpi gpi2 ms. Their arity is nativeGateArity (0 for an unknown name).
const std::vector<std::string>& knownNativeGates();
int nativeGateArity(const std::string& gate);
// Largest number of couplers on one qubit (numQubits - 1 for all-to-all).
int maxDegree(const DeviceProfile& device);
// The source recorded for a field ("medians.t1", "gates", ...), else the profile's source.
std::string fieldSource(const DeviceProfile& device, const std::string& field);
// The headline values the profile does not know (null), as field paths ("medians.t1", "clops", ...).
std::vector<std::string> unknownFields(const DeviceProfile& device);

// Parses a profile JSON document (format_version 1 or 2); errors name the field path and,
// where the text shows it, the line and column.
Result<DeviceProfile> parseDeviceProfile(const std::string& json, const std::string& fileName = "<input>");
// The profile as a format_version 2 JSON document (parseDeviceProfile reads it back equal).
std::string deviceProfileToJson(const DeviceProfile& device);
// The profiles shipped with Qpilot (resources/devices/*.json), sorted by id.
std::vector<DeviceProfile> builtinDevices();
// A shipped profile by id, a user copy by id (defaultUserDeviceStore(), user_devices.h), a
// calibration snapshot "BACKEND@DATE" or "BACKEND@latest" (from defaultCalibrationStore()), or
// a profile file path; the error lists the known ids.
Result<DeviceProfile> findDevice(const std::string& idOrPath);
// The same, with snapshots looked up in `calibrationStore`.
Result<DeviceProfile> findDevice(const std::string& idOrPath, const std::string& calibrationStore);

} // namespace qpilot

#include "core/device/calibration.h"
#include "core/device/user_devices.h"
