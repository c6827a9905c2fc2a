// Gives a splitter's parts fixed proportions of its first real size, whatever their size hints ask for.
#pragma once

#include <QList>

class QSplitter;

// QSplitter::setSizes() before the splitter has its size is lost in its first layout, which then shares the
// space by size hints (a long wrapped label takes most). This sets the sizes once the splitter knows its size.
void setSplitterProportions(QSplitter *splitter, const QList<int> &weights);
