// core/device/calibration.h — calibration import and snapshots (re-exported by device.h):
// reads Qiskit BackendProperties / BackendConfiguration JSON (fake-backend props_*.json and
// conf_*.json, or IBM REST /backends/{name}/properties and /configuration replies, bare or
// wrapped) into a DeviceProfile, and stores each import as a dated snapshot profile
// (<store>/<backend>/<date>.json, id "<backend>@<date>") that findDevice resolves.
#pragma once

#include "core/device/device.h"

#include <string>
#include <vector>

namespace qpilot {

struct CalibrationFile {
    std::string name;   // file name or path, used in messages and in the profile's source
    std::string text;   // JSON text
};

struct CalibrationImport {
    DeviceProfile profile;                 // id = backend_name, calibrationDate = date
    std::string backend;                   // backend_name
    std::string date;                      // calibration date, YYYY-MM-DD (from last_update_date)
    std::vector<std::string> notes;        // what was skipped or clamped (never silent)
};

// Imports one properties document and optionally one configuration document (in any order;
// each is recognised by its keys). A configuration alone is an error (no calibration).
// Errors name the file, the field path and, where found, the line.
Result<CalibrationImport> importQiskitCalibration(const std::vector<CalibrationFile>& files);
// The same, reading the files from disk.
Result<CalibrationImport> importQiskitCalibrationFiles(const std::vector<std::string>& paths);

// The snapshot store: $QPILOT_DATA_DIR/calibrations if QPILOT_DATA_DIR is set, else
// QStandardPaths::AppDataLocation/calibrations.
std::string defaultCalibrationStore();

struct CalibrationSnapshot {
    std::string id;        // "ibm_fez@2025-02-26"
    std::string backend;   // "ibm_fez"
    std::string date;      // "2025-02-26"
    std::string path;      // the snapshot file
};

struct SavedSnapshot {
    CalibrationSnapshot snapshot;
    bool unchanged = false;   // an identical snapshot was already stored (nothing written)
    bool replaced = false;    // a different snapshot of the same backend and date was overwritten
};

// Writes the profile as <store>/<backend>/<date>.json atomically (QSaveFile); its id becomes
// "<backend>@<date>" (backend = the id before any '@', date = calibrationDate).
Result<SavedSnapshot> saveCalibrationSnapshot(const DeviceProfile& profile, const std::string& store);
// Every snapshot in the store, sorted by backend then date. A missing store is an empty list.
Result<std::vector<CalibrationSnapshot>> listCalibrationSnapshots(const std::string& store);
// "backend@date" or "backend@latest" from the store.
Result<DeviceProfile> loadCalibrationSnapshot(const std::string& id, const std::string& store);

} // namespace qpilot
