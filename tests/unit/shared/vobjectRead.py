"""Reads vCards from standard input with python3-vobject (an independent parser) and prints
what it found as JSON: the round-trip tests compare it with what the desk wrote."""
import json
import sys

import vobject


def first(card, name):
    items = card.contents.get(name, [])
    return items[0] if items else None


def params(line, key):
    return [v for v in line.params.get(key, [])]


def labels_by_group(card):
    return {line.group.upper(): line.value for line in card.contents.get('x-ablabel', []) if line.group}


out = []
for card in vobject.readComponents(sys.stdin.read()):
    n = first(card, 'n')
    groups = labels_by_group(card)
    tels = []
    for line in card.contents.get('tel', []):
        types = []
        for t in params(line, 'TYPE'):
            types.extend(x for x in t.split(',') if x)
        group = line.group.upper() if line.group else None
        pref = params(line, 'PREF')
        tels.append({'value': line.value, 'types': types, 'group': group, 'label': groups.get(group) if group else None, 'pref': pref[0] if pref else None})
    note = first(card, 'note')
    categories = []
    for line in card.contents.get('categories', []):
        categories.extend(line.value if isinstance(line.value, list) else [line.value])
    out.append({
        'version': first(card, 'version').value,
        'fn': first(card, 'fn').value,
        'n': {'prefix': n.value.prefix, 'given': n.value.given, 'family': n.value.family} if n else None,
        'tels': tels,
        'emails': [line.value for line in card.contents.get('email', [])],
        'note': note.value if note else None,
        'categories': categories,
    })
print(json.dumps(out, ensure_ascii=False))
