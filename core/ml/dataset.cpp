// core/ml/dataset.cpp — CSV import with located errors and explicit imputation, the canonical
// serialisation and SHA-256 fingerprint, and the embedded shipped datasets.
#include "core/ml/dataset.h"

#include "core/common/hash.h"
#include "core/ml/builtin_datasets.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace qpilot::ml {

namespace {

struct Line {
    int number; // 1-based line in the file
    std::vector<std::string> fields;
};

std::string trim(const std::string& s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
        --e;
    return s.substr(b, e - b);
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Splits one line on `delim` (' ' = runs of blanks), honouring double quotes ("" inside a
// quoted field is a quote). Returns an error message for an unterminated quote.
std::optional<std::string> splitFields(const std::string& line, char delim, std::vector<std::string>& out)
{
    out.clear();
    std::string field;
    bool quoted = false, wasQuoted = false;
    std::size_t i = 0;
    const std::size_t n = line.size();
    if (delim == ' ') {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
    }
    bool pending = i < n;
    for (; i < n; ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && line[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            field.clear();
            quoted = wasQuoted = true;
            continue;
        }
        const bool isDelim = delim == ' ' ? (c == ' ' || c == '\t') : c == delim;
        if (isDelim) {
            out.push_back(wasQuoted ? field : trim(field));
            field.clear();
            wasQuoted = false;
            if (delim == ' ') {
                while (i + 1 < n && (line[i + 1] == ' ' || line[i + 1] == '\t'))
                    ++i;
                pending = i + 1 < n;
                continue;
            }
            pending = true;
            continue;
        }
        if (wasQuoted && c != ' ' && c != '\t' && c != '\r')
            return std::string("text after a closing quote");
        field += c;
    }
    if (quoted)
        return std::string("unterminated quoted field");
    if (pending)
        out.push_back(wasQuoted ? field : trim(field));
    return std::nullopt;
}

bool isMissingToken(const std::string& cell)
{
    if (cell.empty())
        return true;
    const std::string l = lower(cell);
    return l == "na" || l == "n/a" || l == "nan" || l == "?" || l == "null" || l == "none" || l == "-";
}

std::optional<double> parseNumber(const std::string& cell)
{
    if (cell.empty())
        return std::nullopt;
    const char* b = cell.data();
    const char* e = b + cell.size();
    if (*b == '+')
        ++b;
    double v = 0;
    const auto r = std::from_chars(b, e, v, std::chars_format::general);
    if (r.ec != std::errc() || r.ptr != e || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<long long> parseInteger(const std::string& cell)
{
    long long v = 0;
    const char* b = cell.data();
    const char* e = b + cell.size();
    const auto r = std::from_chars(b, e, v);
    if (r.ec != std::errc() || r.ptr != e || cell.empty())
        return std::nullopt;
    return v;
}

// Picks the delimiter that splits the first line into more than one field and at least
// half of the first 20 lines into that same number: tab, then semicolon, then comma, then
// runs of whitespace. (A few ragged lines do not hide the delimiter; they are reported.)
std::optional<char> detectDelimiter(const std::vector<std::pair<int, std::string>>& lines)
{
    const std::size_t probe = std::min<std::size_t>(lines.size(), 20);
    for (char d : {'\t', ';', ',', ' '}) {
        std::vector<std::string> fields;
        if (splitFields(lines[0].second, d, fields) || fields.size() < 2)
            continue;
        const std::size_t count = fields.size();
        std::size_t matching = 0;
        for (std::size_t i = 0; i < probe; ++i)
            if (!splitFields(lines[i].second, d, fields) && fields.size() == count)
                ++matching;
        if (2 * matching >= probe)
            return d;
    }
    return std::nullopt;
}

std::string delimiterName(char d)
{
    switch (d) {
    case '\t': return "tab";
    case ';': return "semicolon";
    case ',': return "comma";
    default: return "whitespace";
    }
}

std::string formatValue(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

Result<Impute> imputeFromKey(const std::string& key)
{
    const std::string k = lower(key);
    if (k == "none")
        return Impute::None;
    if (k == "mean")
        return Impute::Mean;
    if (k == "median")
        return Impute::Median;
    if (k == "drop" || k == "drop-rows")
        return Impute::DropRows;
    return Error("unknown imputation '" + key + "' (expected none, mean, median or drop)");
}

const char* imputeKey(Impute method)
{
    switch (method) {
    case Impute::None: return "none";
    case Impute::Mean: return "mean";
    case Impute::Median: return "median";
    case Impute::DropRows: return "drop";
    }
    return "none";
}

Result<LoadedDataset> parseCsv(const std::string& text, const std::string& fileName, const CsvOptions& options)
{
    const std::string file = fileName.empty() ? std::string("<csv>") : fileName;
    // Physical lines, skipping blank ones and '#' comments; numbers kept for messages.
    std::vector<std::pair<int, std::string>> raw;
    {
        int number = 0;
        std::size_t pos = 0;
        while (pos <= text.size()) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string::npos)
                end = text.size();
            ++number;
            std::string line = text.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (number == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
                line.erase(0, 3); // UTF-8 byte-order mark
            const std::string t = trim(line);
            if (!t.empty() && t[0] != '#')
                raw.emplace_back(number, line);
            pos = end + 1;
        }
    }
    if (raw.empty())
        return Error("the file is empty (no header or data rows)", file);
    const auto delim = detectDelimiter(raw);
    if (!delim)
        return Error("cannot detect the delimiter: the first lines do not split into the same number (at least 2) "
                     "of columns with tab, semicolon, comma or whitespace",
                     file, raw.front().first);

    std::vector<Line> lines;
    lines.reserve(raw.size());
    for (const auto& [number, line] : raw) {
        Line l{number, {}};
        if (auto bad = splitFields(line, *delim, l.fields))
            return Error(*bad, file, number);
        lines.push_back(std::move(l));
    }
    const int columns = static_cast<int>(lines.front().fields.size());
    for (const Line& l : lines) {
        if (static_cast<int>(l.fields.size()) != columns)
            return Error("ragged row: expected " + std::to_string(columns) + " fields (" + delimiterName(*delim)
                             + "-separated, as on line " + std::to_string(lines.front().number) + "), found "
                             + std::to_string(l.fields.size()),
                         file, l.number);
    }

    // Header: the first row is a header unless all of its cells are numbers (or missing).
    CsvReport report;
    report.delimiter = *delim;
    int labelColumn = columns - 1;
    bool header = false;
    {
        // A header when some column has text on the first row but a number on the second
        // (string labels alone do not make a header), or when the first row has no number.
        const auto& first = lines.front().fields;
        bool anyNumber = false;
        for (int c = 0; c < columns; ++c) {
            const std::string& cell = first[static_cast<std::size_t>(c)];
            const bool text = !parseNumber(cell) && !isMissingToken(cell);
            anyNumber = anyNumber || !text;
            if (text && (lines.size() < 2 || parseNumber(lines[1].fields[static_cast<std::size_t>(c)])))
                header = true;
        }
        header = header || !anyNumber;
    }
    // A column named by header (exact, then case-insensitive) or by 1-based index.
    auto findColumn = [&](const std::string& spec, const std::string& what) -> Result<int> {
        if (header) {
            const auto& names = lines.front().fields;
            for (int c = 0; c < columns; ++c)
                if (names[static_cast<std::size_t>(c)] == spec)
                    return c;
            for (int c = 0; c < columns; ++c)
                if (lower(names[static_cast<std::size_t>(c)]) == lower(spec))
                    return c;
        }
        if (const auto index = parseInteger(spec)) {
            if (*index < 1 || *index > columns)
                return Error(what + " " + spec + " is out of range (the file has " + std::to_string(columns)
                                 + " columns; columns are numbered from 1)",
                             file);
            return static_cast<int>(*index - 1);
        }
        return Error("no column named '" + spec + "'"
                         + (header ? std::string(" in the header") : std::string(" (the file has no header row)")),
                     file, lines.front().number);
    };
    if (!options.labelColumn.empty()) {
        auto found = findColumn(options.labelColumn, "label column");
        if (!found)
            return found.error();
        labelColumn = *found;
    }
    std::vector<bool> ignored(static_cast<std::size_t>(columns), false);
    for (const std::string& spec : options.ignoreColumns) {
        auto found = findColumn(spec, "ignored column");
        if (!found)
            return Error("ignore columns: " + found.error().message, found.error().file, found.error().line);
        if (*found == labelColumn)
            return Error("ignore columns: '" + spec + "' is the label column; choose another label column first", file,
                         lines.front().number);
        ignored[static_cast<std::size_t>(*found)] = true;
    }
    report.hasHeader = header;
    report.labelColumn = labelColumn;
    std::vector<int> featureColumns; // feature f is file column featureColumns[f] (0-based)
    for (int c = 0; c < columns; ++c) {
        report.columnNames.push_back(header ? lines.front().fields[static_cast<std::size_t>(c)] : "column " + std::to_string(c + 1));
        if (ignored[static_cast<std::size_t>(c)])
            report.ignoredColumns.push_back(c);
        else if (c != labelColumn)
            featureColumns.push_back(c);
    }
    if (featureColumns.empty())
        return Error("no feature columns left (every column but the label is ignored)", file);

    Dataset ds;
    ds.name = QFileInfo(QString::fromStdString(file)).completeBaseName().toStdString();
    ds.source = file;
    for (int c : featureColumns)
        ds.featureNames.push_back(header ? lines.front().fields[static_cast<std::size_t>(c)] : "x" + std::to_string(ds.featureNames.size()));
    const int features = static_cast<int>(featureColumns.size());
    const std::size_t firstData = header ? 1 : 0;
    if (lines.size() <= firstData)
        return Error("no data rows after the header", file, lines.front().number);

    // Cells → values (NaN = missing), labels as text.
    const double missing = std::nan("");
    std::vector<std::vector<double>> values;
    std::vector<std::string> labels;
    std::vector<int> lineOf;
    for (std::size_t r = firstData; r < lines.size(); ++r) {
        const Line& l = lines[r];
        std::vector<double> row;
        row.reserve(static_cast<std::size_t>(features));
        for (int c = 0; c < columns; ++c) {
            const std::string& cell = l.fields[static_cast<std::size_t>(c)];
            if (ignored[static_cast<std::size_t>(c)])
                continue;
            if (c == labelColumn) {
                if (isMissingToken(cell))
                    return Error("missing class label (column " + std::to_string(c + 1)
                                     + "); rows without a label cannot be imputed — remove the row",
                                 file, l.number, c + 1);
                continue;
            }
            const std::string& name = ds.featureNames[row.size()];
            if (auto v = parseNumber(cell)) {
                row.push_back(*v);
            } else if (isMissingToken(cell)) {
                if (options.impute == Impute::None)
                    return Error("missing value in column " + std::to_string(c + 1) + " ('" + name
                                     + "'); choose an imputation explicitly (--impute mean, median or drop)",
                                 file, l.number, c + 1);
                row.push_back(missing);
            } else {
                std::string hint;
                if (*delim != ',' && cell.find(',') != std::string::npos && parseNumber(std::string(cell).replace(cell.find(','), 1, ".")))
                    hint = " (decimal commas are not supported; use '.')";
                return Error("non-numeric value '" + cell + "' in column " + std::to_string(c + 1) + " ('" + name + "')" + hint,
                             file, l.number, c + 1);
            }
        }
        values.push_back(std::move(row));
        labels.push_back(l.fields[static_cast<std::size_t>(labelColumn)]);
        lineOf.push_back(l.number);
    }

    // Imputation (explicit; everything filled in is reported).
    if (options.impute == Impute::DropRows) {
        std::vector<std::vector<double>> keptValues;
        std::vector<std::string> keptLabels;
        std::vector<int> keptLines;
        for (std::size_t r = 0; r < values.size(); ++r) {
            const bool anyMissing = std::any_of(values[r].begin(), values[r].end(), [](double v) { return std::isnan(v); });
            if (anyMissing) {
                ++report.droppedRows;
                continue;
            }
            keptValues.push_back(std::move(values[r]));
            keptLabels.push_back(std::move(labels[r]));
            keptLines.push_back(lineOf[r]);
        }
        values = std::move(keptValues);
        labels = std::move(keptLabels);
        lineOf = std::move(keptLines);
    } else if (options.impute == Impute::Mean || options.impute == Impute::Median) {
        for (int f = 0; f < features; ++f) {
            std::vector<double> present;
            for (const auto& row : values)
                if (!std::isnan(row[static_cast<std::size_t>(f)]))
                    present.push_back(row[static_cast<std::size_t>(f)]);
            const int fileColumn = featureColumns[static_cast<std::size_t>(f)] + 1;
            if (present.size() == values.size())
                continue;
            if (present.empty())
                return Error("column " + std::to_string(fileColumn) + " ('" + ds.featureNames[static_cast<std::size_t>(f)]
                                 + "') has no values at all; remove it",
                             file, 0, fileColumn);
            double fill = 0;
            if (options.impute == Impute::Mean) {
                for (double v : present)
                    fill += v;
                fill /= static_cast<double>(present.size());
            } else {
                fill = median(present);
            }
            for (std::size_t r = 0; r < values.size(); ++r) {
                double& v = values[r][static_cast<std::size_t>(f)];
                if (std::isnan(v)) {
                    v = fill;
                    report.imputed.push_back({lineOf[r], fileColumn, ds.featureNames[static_cast<std::size_t>(f)], fill});
                }
            }
        }
        std::sort(report.imputed.begin(), report.imputed.end(),
                  [](const CsvReport::Imputed& a, const CsvReport::Imputed& b) {
                      return a.line != b.line ? a.line < b.line : a.column < b.column;
                  });
    }
    if (values.empty())
        return Error("no rows left after dropping the rows with missing values", file);

    // Labels: integers (sorted numerically) or strings (sorted).
    const bool integerLabels = std::all_of(labels.begin(), labels.end(), [](const std::string& s) { return parseInteger(s).has_value(); });
    std::map<std::string, int> classOf;
    if (integerLabels) {
        std::set<long long> distinct;
        for (const std::string& s : labels)
            distinct.insert(*parseInteger(s));
        for (long long v : distinct)
            ds.classNames.push_back(std::to_string(v));
        for (const std::string& s : labels)
            classOf.emplace(s, static_cast<int>(std::distance(distinct.begin(), distinct.find(*parseInteger(s)))));
    } else {
        std::set<std::string> distinct(labels.begin(), labels.end());
        ds.classNames.assign(distinct.begin(), distinct.end());
        int k = 0;
        for (const std::string& s : distinct)
            classOf[s] = k++;
    }
    const std::string labelName = header ? lines.front().fields[static_cast<std::size_t>(labelColumn)] : "column " + std::to_string(labelColumn + 1);
    if (ds.classNames.size() < 2)
        return Error("only one class ('" + ds.classNames.front() + "') in the label column '" + labelName
                         + "' (column " + std::to_string(labelColumn + 1) + "); a classifier needs at least two",
                     file, 0, labelColumn + 1);

    Samples& s = ds.samples;
    s.rows = static_cast<int>(values.size());
    s.features = features;
    s.classes = static_cast<int>(ds.classNames.size());
    s.x.reserve(static_cast<std::size_t>(s.rows) * static_cast<std::size_t>(features));
    for (const auto& row : values)
        s.x.insert(s.x.end(), row.begin(), row.end());
    for (const std::string& l : labels)
        s.y.push_back(classOf.at(l));

    // Constant columns carry no information and break standardisation: an error, located.
    for (int f = 0; f < features; ++f) {
        bool constant = true;
        for (int r = 1; r < s.rows && constant; ++r)
            constant = s.at(r, f) == s.at(0, f);
        if (constant) {
            const int fileColumn = featureColumns[static_cast<std::size_t>(f)] + 1;
            return Error("column " + std::to_string(fileColumn) + " ('" + ds.featureNames[static_cast<std::size_t>(f)]
                             + "') has the same value " + formatValue(s.at(0, f)) + " in every row; remove it",
                         file, 0, fileColumn);
        }
    }
    if (s.rows < options.minRows)
        return Error("too few rows: " + std::to_string(s.rows) + " (at least " + std::to_string(options.minRows) + " needed)", file);
    std::vector<int> perClass(static_cast<std::size_t>(s.classes), 0);
    for (int y : s.y)
        ++perClass[static_cast<std::size_t>(y)];
    for (int k = 0; k < s.classes; ++k) {
        if (perClass[static_cast<std::size_t>(k)] < options.minRowsPerClass)
            return Error("too few rows in class '" + ds.classNames[static_cast<std::size_t>(k)] + "': "
                             + std::to_string(perClass[static_cast<std::size_t>(k)]) + " (at least "
                             + std::to_string(options.minRowsPerClass) + " per class needed for a stratified split)",
                         file);
    }
    refreshFingerprint(ds);
    return LoadedDataset{std::move(ds), std::move(report)};
}

Result<LoadedDataset> loadCsvFile(const std::string& path, const CsvOptions& options)
{
    QFile f(QString::fromStdString(path));
    if (!f.exists())
        return Error("no such file", path);
    if (!f.open(QIODevice::ReadOnly))
        return Error("cannot read the file: " + f.errorString().toStdString(), path);
    const QByteArray bytes = f.readAll();
    return parseCsv(bytes.toStdString(), path, options);
}

std::string canonicalSerialisation(const Dataset& dataset)
{
    const Samples& s = dataset.samples;
    auto escape = [](const std::string& t) {
        std::string out;
        for (char c : t) {
            if (c == '\\' || c == '\n' || c == '\t') {
                out += '\\';
                out += c == '\n' ? 'n' : c == '\t' ? 't' : '\\';
            } else {
                out += c;
            }
        }
        return out;
    };
    std::string out = "qpilot-dataset-v1\n";
    out += "rows " + std::to_string(s.rows) + "\nfeatures " + std::to_string(s.features) + "\nclasses " + std::to_string(s.classes) + "\n";
    for (const std::string& f : dataset.featureNames)
        out += "feature " + escape(f) + "\n";
    for (const std::string& c : dataset.classNames)
        out += "class " + escape(c) + "\n";
    char buf[48];
    for (int r = 0; r < s.rows; ++r) {
        for (int f = 0; f < s.features; ++f) {
            double v = s.at(r, f);
            if (v == 0)
                v = 0; // -0 and +0 are the same value
            std::snprintf(buf, sizeof buf, "%a", v);
            out += buf;
            out += ' ';
        }
        out += "| " + std::to_string(s.y.empty() ? -1 : s.y[static_cast<std::size_t>(r)]) + "\n";
    }
    return out;
}

std::string datasetFingerprint(const Dataset& dataset)
{
    return sha256Hex(canonicalSerialisation(dataset));
}

void refreshFingerprint(Dataset& dataset) { dataset.fingerprint = datasetFingerprint(dataset); }

namespace {

struct BuiltinMeta {
    const char* name;
    const char* title;
    const char* citation;
};

const BuiltinMeta kBuiltinMeta[] = {
    {"breast_cancer", "Breast Cancer Wisconsin (Diagnostic)",
     "W. N. Street, W. H. Wolberg, O. L. Mangasarian, Nuclear feature extraction for breast tumor diagnosis, "
     "Proc. SPIE 1905, 861-870 (1993); UCI ML Repository (Wolberg, Street, Mangasarian, 1995), CC BY 4.0"},
    {"iris", "Iris", "R. A. Fisher, The use of multiple measurements in taxonomic problems, Annals of Eugenics 7, "
                     "179-188 (1936); UCI ML Repository, CC BY 4.0"},
    {"wine", "Wine recognition",
     "S. Aeberhard, D. Coomans, O. de Vel, Comparison of classifiers in high dimensional settings, Tech. Rep. 92-02, "
     "James Cook University (1992); M. Forina et al., PARVUS; UCI ML Repository, CC BY 4.0"},
};

const BuiltinMeta* metaFor(const std::string& name)
{
    for (const BuiltinMeta& m : kBuiltinMeta)
        if (name == m.name)
            return &m;
    return nullptr;
}

} // namespace

Result<Dataset> loadBuiltinDataset(const std::string& name)
{
    std::string key = lower(name);
    std::replace(key.begin(), key.end(), '-', '_');
    std::string known;
    for (const detail::EmbeddedDataset* e = detail::embeddedDatasets(); e->name; ++e) {
        if (key == e->name) {
            auto parsed = parseCsv(e->csv, std::string("builtin:") + e->name);
            if (!parsed)
                return parsed.error();
            Dataset ds = std::move(parsed).value().dataset;
            ds.name = e->name;
            if (const BuiltinMeta* m = metaFor(e->name))
                ds.source = m->citation;
            return ds;
        }
        known += (known.empty() ? "" : ", ") + std::string(e->name);
    }
    return Error("unknown dataset '" + name + "' (shipped: " + known + ")");
}

std::vector<BuiltinDatasetInfo> builtinDatasets()
{
    std::vector<BuiltinDatasetInfo> out;
    for (const detail::EmbeddedDataset* e = detail::embeddedDatasets(); e->name; ++e) {
        auto ds = loadBuiltinDataset(e->name);
        if (!ds)
            continue;
        const BuiltinMeta* m = metaFor(e->name);
        out.push_back({e->name, m ? m->title : e->name, ds->source, ds->samples.rows, ds->samples.features, ds->samples.classes});
    }
    return out;
}

Result<Dataset> selectClasses(const Dataset& dataset, const std::vector<int>& classes)
{
    const Samples& s = dataset.samples;
    if (classes.size() < 2)
        return Error("select at least two classes");
    std::vector<int> newIndex(static_cast<std::size_t>(s.classes), -1);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const int c = classes[i];
        if (c < 0 || c >= s.classes)
            return Error("class index " + std::to_string(c) + " out of range (dataset has " + std::to_string(s.classes) + " classes)");
        if (newIndex[static_cast<std::size_t>(c)] >= 0)
            return Error("class index " + std::to_string(c) + " selected twice");
        newIndex[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
    Dataset out;
    out.featureNames = dataset.featureNames;
    out.source = dataset.source;
    out.name = dataset.name;
    for (int c : classes) {
        out.classNames.push_back(dataset.classNames[static_cast<std::size_t>(c)]);
        out.name += (out.name == dataset.name ? ":" : "+") + dataset.classNames[static_cast<std::size_t>(c)];
    }
    out.samples.features = s.features;
    out.samples.classes = static_cast<int>(classes.size());
    for (int r = 0; r < s.rows; ++r) {
        const int k = newIndex[static_cast<std::size_t>(s.y[static_cast<std::size_t>(r)])];
        if (k < 0)
            continue;
        out.samples.x.insert(out.samples.x.end(), s.row(r), s.row(r) + s.features);
        out.samples.y.push_back(k);
        ++out.samples.rows;
    }
    refreshFingerprint(out);
    return out;
}

} // namespace qpilot::ml
