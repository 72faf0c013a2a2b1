// core/ml/dataset.h — labelled datasets: CSV import (header and delimiter detection, label
// column, located errors, explicit imputation), the content fingerprint (SHA-256 over a
// canonical serialisation) and the datasets shipped in resources/datasets/ (Iris, Wine,
// Breast Cancer Wisconsin), embedded in the binary. See docs/datasets.md.
#pragma once

#include "core/common/result.h"
#include "core/ml/samples.h"

#include <string>
#include <vector>

namespace qpilot::ml {

struct Dataset {
    std::string name;                      // "iris", or the CSV file's base name
    std::string source;                    // citation / provenance (file path for imported CSVs)
    std::vector<std::string> featureNames; // features entries
    std::vector<std::string> classNames;   // classes entries; class index = position
    Samples samples;
    std::string fingerprint;               // datasetFingerprint(*this), 64 hex digits
};

// How missing values are handled. Never silent: the default is an error, and whatever the
// chosen method imputes is listed in CsvReport.
enum class Impute { None, Mean, Median, DropRows };
// "none", "mean", "median", "drop" ↔ Impute; nullopt-like failure is reported as an Error.
Result<Impute> imputeFromKey(const std::string& key);
const char* imputeKey(Impute method);

struct CsvOptions {
    // The label column: a header name, or a 1-based index ("3"), or empty = the last column.
    std::string labelColumn;
    // Columns left out of the features (ids, free text, leaks): header names or 1-based indices.
    std::vector<std::string> ignoreColumns;
    Impute impute = Impute::None;
    int minRowsPerClass = 2;  // fewer rows in any class is an error
    int minRows = 4;          // fewer rows in total is an error
};

// What the import did, for the user to see (never silent).
struct CsvReport {
    char delimiter = ',';      // ',', ';', '\t' or ' ' (runs of whitespace)
    bool hasHeader = true;
    int labelColumn = 0;       // 0-based column index in the file
    std::vector<int> ignoredColumns;      // 0-based file columns left out (CsvOptions::ignoreColumns), sorted
    std::vector<std::string> columnNames; // every file column's name: the header, else "column k"
    int droppedRows = 0;       // Impute::DropRows
    struct Imputed {
        int line;              // 1-based line in the file
        int column;            // 1-based column in the file
        std::string feature;
        double value;          // what was filled in
    };
    std::vector<Imputed> imputed;
};

struct LoadedDataset {
    Dataset dataset;
    CsvReport report;
};

// Parses CSV text. `fileName` is used in error locations and as the dataset's name/source.
// Errors carry the 1-based line (as in the file) and column.
Result<LoadedDataset> parseCsv(const std::string& text, const std::string& fileName, const CsvOptions& options = {});
Result<LoadedDataset> loadCsvFile(const std::string& path, const CsvOptions& options = {});

// SHA-256 (hex) of the canonical serialisation (docs/datasets.md): independent of how the CSV
// was formatted (delimiter, quoting, whitespace, number spelling such as "1.50" vs "1.5").
std::string datasetFingerprint(const Dataset& dataset);
// The canonical serialisation itself (UTF-8 text), exposed for documentation and tests.
std::string canonicalSerialisation(const Dataset& dataset);

struct BuiltinDatasetInfo {
    std::string name;
    std::string title;
    std::string citation;
    int rows = 0;
    int features = 0;
    int classes = 0;
};
std::vector<BuiltinDatasetInfo> builtinDatasets();
// "iris", "wine", "breast_cancer" (also "breast-cancer", case-insensitive).
Result<Dataset> loadBuiltinDataset(const std::string& name);

// The rows of the given classes only, relabelled 0..k-1 in the order given (e.g. Iris
// versicolor vs virginica: {1, 2}); name and fingerprint are updated.
Result<Dataset> selectClasses(const Dataset& dataset, const std::vector<int>& classes);

// Sets samples.classes/classNames-consistent fingerprint after a change of the data.
void refreshFingerprint(Dataset& dataset);

} // namespace qpilot::ml
