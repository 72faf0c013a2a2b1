// core/device/user_devices.h — user device profiles (re-exported by device.h): what-if copies of
// a profile with scaled errors and durations (e.g. "Heron with 2q error ×0.5"), and the user
// profile store ($QPILOT_DATA_DIR/devices, one <id>.json each) that findDevice resolves by id,
// so the simulator, the transpiler and pilots use a copy like any shipped profile.
#pragma once

#include "core/device/device.h"

#include <string>
#include <vector>

namespace qpilot {

// Multipliers applied by scaledDeviceCopy; 1 leaves the figure as it is.
struct DeviceScaling {
    double error1q = 1;      // medians.gate_error_1q and every 1q gate calibration's error
    double error2q = 1;      // medians.gate_error_2q and every 2q gate calibration's error
    double readout = 1;      // medians.readout_error and every qubit's p(1|0), p(0|1)
    double durations = 1;    // gate times (medians and per gate) and the readout time
    double coherence = 1;    // T1 and T2 (medians and per qubit)
};

// "2q error ×0.5, readout ×0.8" — the factors that differ from 1 ("unscaled" when none).
std::string describeScaling(const DeviceScaling& scaling);
// The id a copy is offered: "ibm_fez_2q_x0.5", "ibm_fez_1q_x2_ro_x0.8"; "<id>_copy" when unscaled.
std::string suggestedCopyId(const std::string& id, const DeviceScaling& scaling);

// A copy of `device` with id `newId`, the scaled figures, a name and source that say what was
// scaled (every scaled field's source reads "what-if ×f of <original source>"), and the layer
// fidelity and quantum volume dropped when errors change (they were measured on the original).
// Errors: a factor that is not finite and > 0, an id that is not [A-Za-z0-9_.-]+ or is a shipped
// id, or a scaled error that leaves [0, 1] (named by field).
Result<DeviceProfile> scaledDeviceCopy(const DeviceProfile& device, const DeviceScaling& scaling, const std::string& newId);

// The user profile store: $QPILOT_DATA_DIR/devices if QPILOT_DATA_DIR is set, else
// QStandardPaths::AppDataLocation/devices.
std::string defaultUserDeviceStore();
// Writes the profile as <store>/<id>.json atomically (QSaveFile) and returns the path. Refuses a
// shipped id or an invalid file name; an existing copy of the same id is replaced.
Result<std::string> saveUserDevice(const DeviceProfile& device, const std::string& store);
struct UserDevice {
    DeviceProfile profile;
    std::string path;
};
// Every profile in the store, sorted by id. A missing store is an empty list; a file that does
// not parse is an error naming it.
Result<std::vector<UserDevice>> listUserDevices(const std::string& store);
// The copy with this id from the store (error: not there).
Result<DeviceProfile> loadUserDevice(const std::string& id, const std::string& store);

} // namespace qpilot
