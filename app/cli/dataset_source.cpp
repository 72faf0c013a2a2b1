// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/dataset_source.cpp — see dataset_source.h.
#include "app/cli/dataset_source.h"

#include "core/ml/generators.h"

#include <QFileInfo>

namespace qpilot::cli {

namespace {

bool isGeneratorName(const QString& spec)
{
    const std::string name = spec.section(QLatin1Char(':'), 0, 0).trimmed().toLower().toStdString();
    for (const ml::GeneratorInfo& g : ml::generators())
        if (g.name == name)
            return true;
    return name == "ad_hoc" || name == "ad-hoc";
}

} // namespace

Result<DatasetSource> loadDataset(const QString& spec, const ml::CsvOptions& csv, std::uint64_t seed)
{
    const QFileInfo info(spec);
    if (info.exists() || spec.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        auto r = ml::loadCsvFile(spec.toStdString(), csv);
        if (!r)
            return r.error();
        return DatasetSource{std::move(r.value().dataset), std::move(r.value().report), "csv"};
    }
    if (isGeneratorName(spec)) {
        auto r = ml::generateDataset(spec.toStdString(), seed);
        if (!r)
            return r.error();
        return DatasetSource{std::move(r).value(), std::nullopt, "generated"};
    }
    auto r = ml::loadBuiltinDataset(spec.toStdString());
    if (!r)
        return Error(r.error().message + "; or give a CSV file or a generator (moons, circles, xor, parity, adhoc)");
    return DatasetSource{std::move(r).value(), std::nullopt, "builtin"};
}

} // namespace qpilot::cli
