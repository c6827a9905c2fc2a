// How a row of the deliveries table is painted: placeholders greyed, failed attempts tinted and in red.
#pragma once

#include <QStyledItemDelegate>

class DeliveryRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
