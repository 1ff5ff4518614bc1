#!/usr/bin/env python3
"""Prints the configuration reference table of README.md from the @ConfigMapping interfaces
(keys, defaults and their Javadoc). ConfigReferenceTest checks that README.md agrees."""
import glob
import os
import re

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
rows = []
for f in sorted(glob.glob('src/main/java/io/segstream/**/*.java',recursive=True)):
    s=open(f).read()
    m=re.search(r'@ConfigMapping\(prefix = "([^"]+)"\)',s)
    if not m: continue
    prefix=m.group(1)
    lines=s[m.end():].split('\n')
    doc=[];ann=[];state=None
    for line in lines:
        t=line.strip()
        if t.startswith('/**'):
            doc=[t];ann=[];state='doc'
            if t.endswith('*/'): state=None
            continue
        if state=='doc':
            doc.append(t)
            if t.endswith('*/'): state=None
            continue
        if t.startswith('@') or (ann and not t.endswith('();') and t and not t.startswith('}')):
            ann.append(t); continue
        mm=re.match(r'^([\w<>, .]+?)\s+(\w+)\(\);$',t)
        if mm:
            name=mm.group(2)
            d=' '.join(x.lstrip('/*').rstrip('*/').strip() for x in doc).strip()
            d=' '.join(d.split())
            d=re.sub(r'\{@code ([^}]*)\}',r'`\1`',d); d=re.sub(r'\{@link ([^}]*)\}',r'`\1`',d)
            a=' '.join(ann)
            dm=re.search(r'@WithDefault\((.*)\)\s*$',a)
            if dm:
                default=''.join(re.findall(r'"((?:[^"\\]|\\.)*)"',dm.group(1)))
                default=default.replace('\\\\','\\')
            else:
                default='(none)'
            key=prefix+'.'+re.sub(r'([A-Z])',lambda x:'-'+x.group(1).lower(),name)
            rows.append(f"| `{key}` | `{default.replace('|','&#124;')}` | {d.replace('|','&#124;')} |")
            doc=[];ann=[]
print("| key | default | meaning |\n|---|---|---|")
print('\n'.join(rows))
