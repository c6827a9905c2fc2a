// Gives a splitter's parts fixed proportions of its first real size, whatever their size hints ask for.
#include "ui/splitterproportions.h"

#include <QEvent>
#include <QSplitter>

#include <numeric>

namespace {

class FirstResize : public QObject
{
public:
    FirstResize(QSplitter *splitter, const QList<int> &weights) : QObject(splitter), m_weights(weights)
    {
        splitter->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *splitter = static_cast<QSplitter *>(watched);
        if (event->type() != QEvent::Resize)
            return false;
        const int total = splitter->orientation() == Qt::Horizontal ? splitter->width() : splitter->height();
        const int weightSum = std::accumulate(m_weights.cbegin(), m_weights.cend(), 0);
        if (total <= 0 || weightSum <= 0)
            return false;
        QList<int> sizes;
        for (const int weight : std::as_const(m_weights))
            sizes.append(total * weight / weightSum);
        splitter->setSizes(sizes);
        splitter->removeEventFilter(this);
        deleteLater();
        return false;
    }

private:
    QList<int> m_weights;
};

} // namespace

void setSplitterProportions(QSplitter *splitter, const QList<int> &weights)
{
    new FirstResize(splitter, weights);
}
