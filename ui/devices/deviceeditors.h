// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/deviceeditors.h — entry header of the device and price editors: DeviceProfilesView
// (DeviceProfilesModel, CalibrationImportDialog, WhatIfCopyDialog) and PriceTablesView
// (PriceEntriesModel, PriceWhatIfDialog). Widgets only; the main window docks them.
#pragma once

#include "ui/devices/calibrationimportdialog.h"
#include "ui/devices/deviceprofilesmodel.h"
#include "ui/devices/deviceprofilesview.h"
#include "ui/devices/pricetablesview.h"
#include "ui/devices/pricewhatifdialog.h"
#include "ui/devices/whatifcopydialog.h"
