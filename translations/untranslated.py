#!/usr/bin/env python3
"""Lists the messages of Qt Linguist catalogues that still need a translation.

Usage: translations/untranslated.py [FILE.ts ...]   (default: every translations/*.ts)
Prints one line per unfinished or empty message (context, source, comment) and exits 1 if there is any.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET


def unfinished(path):
    root = ET.parse(path).getroot()
    for context in root.iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            translation = message.find('translation')
            if translation is None:
                yield name, message
                continue
            kind = translation.get('type')
            if kind in ('obsolete', 'vanished'):
                continue
            forms = translation.findall('numerusform')
            texts = [f.text or '' for f in forms] if message.get('numerus') == 'yes' else [translation.text or '']
            if kind == 'unfinished' or not texts or any(not t.strip() for t in texts):
                yield name, message


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or sorted(glob.glob(os.path.join(here, '*.ts')))
    count = 0
    for path in files:
        for context, message in unfinished(path):
            count += 1
            comment = message.findtext('comment')
            line = f'{os.path.basename(path)}\t{context}\t{message.findtext("source")!r}'
            if comment:
                line += f'\t[{comment}]'
            if message.get('numerus') == 'yes':
                line += '\t(plural)'
            print(line)
    print(f'{count} unfinished message(s)', file=sys.stderr)
    return 1 if count else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
