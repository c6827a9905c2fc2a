// How a row of the deliveries table is painted: placeholders greyed, failed attempts tinted and in red.
#include "ui/deliveryrowdelegate.h"

#include "models/itemmodels/deliverytablemodel.h"

#include <QColor>
#include <QPalette>

void DeliveryRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(DeliveryTableModel::LoadedRole).toBool()) {
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        return;
    }
    // Failed attempts stand out: a tinted row, and the status, result and error in red.
    if (index.data(DeliveryTableModel::SuccessRole).toBool())
        return;
    const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
    option->backgroundBrush = dark ? QColor(0x4a, 0x1f, 0x22) : QColor(0xfd, 0xec, 0xee);
    switch (index.column()) {
    case DeliveryTableModel::StatusColumn:
    case DeliveryTableModel::ResultColumn:
    case DeliveryTableModel::ErrorColumn:
        option->palette.setColor(QPalette::Text, dark ? QColor(0xff, 0x9a, 0x9a) : QColor(0xa3, 0x15, 0x15));
        break;
    default:
        break;
    }
}
