// core/ml/dataset_source.cpp — see dataset_source.h.
#include "core/ml/dataset_source.h"

#include "core/ml/generators.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cctype>

namespace qpilot::ml {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool startsWith(const std::string& s, const char* prefix)
{
    const std::string p(prefix);
    return s.size() >= p.size() && lower(s.substr(0, p.size())) == p;
}

bool endsWithCsv(const std::string& s) { return s.size() >= 4 && lower(s.substr(s.size() - 4)) == ".csv"; }

std::string resolvePath(const std::string& path, const std::string& baseDirectory)
{
    const QString p = QString::fromStdString(path);
    if (baseDirectory.empty() || QFileInfo(p).isAbsolute())
        return path;
    return QDir(QString::fromStdString(baseDirectory)).filePath(p).toStdString();
}

Result<DatasetSource> loadCsv(const std::string& path, const CsvOptions& csv)
{
    auto r = loadCsvFile(path, csv);
    if (!r)
        return r.error();
    return DatasetSource{std::move(r.value().dataset), std::move(r.value().report), "csv", path};
}

Result<DatasetSource> loadBuiltin(const std::string& name, const std::string& spec)
{
    auto r = loadBuiltinDataset(name);
    if (!r)
        return Error(r.error().message + "; or give a CSV file or a generator (moons, circles, xor, parity, adhoc)");
    return DatasetSource{std::move(r).value(), std::nullopt, "builtin", spec};
}

} // namespace

bool isGeneratorSpec(const std::string& spec)
{
    const std::string name = lower(trimmed(spec.substr(0, spec.find(':'))));
    for (const GeneratorInfo& g : generators())
        if (g.name == name)
            return true;
    return name == "ad_hoc" || name == "ad-hoc";
}

Result<DatasetSource> loadDataset(const std::string& spec, const CsvOptions& csv, std::uint64_t seed,
                                  const std::string& baseDirectory)
{
    if (startsWith(spec, "builtin:"))
        return loadBuiltin(trimmed(spec.substr(8)), spec);
    if (startsWith(spec, "csv:"))
        return loadCsv(resolvePath(trimmed(spec.substr(4)), baseDirectory), csv);
    const std::string path = resolvePath(spec, baseDirectory);
    if (QFileInfo::exists(QString::fromStdString(path)) || endsWithCsv(spec))
        return loadCsv(path, csv);
    if (isGeneratorSpec(spec)) {
        auto r = generateDataset(spec, seed);
        if (!r)
            return r.error();
        return DatasetSource{std::move(r).value(), std::nullopt, "generated", spec};
    }
    return loadBuiltin(spec, spec);
}

} // namespace qpilot::ml
