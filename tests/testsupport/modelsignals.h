// The signals an item model emits, recorded, for tests that check that a change touched one row and nothing else.
#pragma once

#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QStringList>

struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel *model)
        : resets(model, &QAbstractItemModel::modelReset)
        , layouts(model, &QAbstractItemModel::layoutChanged)
        , inserts(model, &QAbstractItemModel::rowsInserted)
        , removals(model, &QAbstractItemModel::rowsRemoved)
        , changes(model, &QAbstractItemModel::dataChanged)
    {
    }

    // The cells of row from firstColumn to lastColumn, as changedRanges() names them.
    static QString range(int row, int firstColumn, int lastColumn)
    {
        return QStringLiteral("%1-%2:%3-%4").arg(row).arg(row).arg(firstColumn).arg(lastColumn);
    }

    // Each dataChanged so far as "first row-last row:first column-last column".
    QStringList changedRanges() const
    {
        QStringList ranges;
        for (const QList<QVariant> &change : changes) {
            const QModelIndex from = change.at(0).toModelIndex();
            const QModelIndex to = change.at(1).toModelIndex();
            ranges << QStringLiteral("%1-%2:%3-%4").arg(from.row()).arg(to.row()).arg(from.column()).arg(to.column());
        }
        return ranges;
    }

    // Resets, layout changes, insertions and removals: everything but dataChanged.
    qsizetype structuralChanges() const { return resets.size() + layouts.size() + inserts.size() + removals.size(); }

    void clear()
    {
        for (QSignalSpy *spy : {&resets, &layouts, &inserts, &removals, &changes})
            spy->clear();
    }

    QSignalSpy resets;
    QSignalSpy layouts;
    QSignalSpy inserts;
    QSignalSpy removals;
    QSignalSpy changes;
};
