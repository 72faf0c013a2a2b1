// core/device/device.h — entry header of the device module: a device profile (minimal for
// the simulator now; the device issue extends it with coupling maps and calibration
// snapshots), loading from JSON with located errors, and the profiles shipped in resources.
#pragma once

#include "core/common/result.h"

#include <optional>
#include <string>
#include <vector>

namespace qpilot {

struct QubitCalibration {
    std::optional<double> t1;          // seconds
    std::optional<double> t2;          // seconds
    std::optional<double> readoutP1Given0;
    std::optional<double> readoutP0Given1;
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
};

// Parses a profile JSON document; errors name the field (and line/column for syntax errors).
Result<DeviceProfile> parseDeviceProfile(const std::string& json, const std::string& fileName = "<input>");
// The profiles shipped with Qpilot (resources/devices/*.json), sorted by id.
std::vector<DeviceProfile> builtinDevices();
// A shipped profile by id, or a profile file path; the error lists the known ids.
Result<DeviceProfile> findDevice(const std::string& idOrPath);

} // namespace qpilot
