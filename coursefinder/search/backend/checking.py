"""`coursefinder check`: is the index on disk whole, and what would a server serve from it?"""

import json
import os

from .engine import Generation
from .generations import (GENERATIONS, MANIFEST, REMOVED, SUGGESTIONS, SUMMARIES, WORDS, generation_names,
                          candidates, generation_path, is_outdated, named_in_current, read_manifest)
from .stored import iter_stored_courses


def check_generation(index_dir, name):
    """Problems found in one generation (an empty list when it is whole)."""
    problems = []
    try:
        manifest = read_manifest(index_dir, name)
    except (OSError, ValueError) as error:
        return [f"{MANIFEST} is missing or broken: {error}"]
    for filename in (WORDS, SUGGESTIONS, SUMMARIES, REMOVED):
        try:
            with open(os.path.join(generation_path(index_dir, name), filename), encoding="utf-8") as handle:
                json.load(handle)
        except (OSError, ValueError) as error:
            problems.append(f"{filename} is missing or broken: {error}")
    try:
        generation = Generation(index_dir, name)
        for _course in iter_stored_courses(index_dir, name):
            pass
        if generation.size != manifest["count"]:
            problems.append(f"holds {generation.size} courses, the manifest says {manifest['count']}")
    except Exception as error:  # any damage is a finding, not a crash
        problems.append(f"the index cannot be read: {error}")
    if not problems and is_outdated(index_dir, name):
        problems.append("written by another version of coursefinder; a server rebuilds it when it starts")
    return problems


def check_index(index_dir):
    """``(ok, lines)``: a report of every generation, and whether a good one will be served."""
    lines = []
    named = named_in_current(index_dir)
    lines.append(f"CURRENT names {named}" if named else "CURRENT is missing or does not name a generation")
    good = []
    for name in generation_names(index_dir):
        problems = check_generation(index_dir, name)
        if problems:
            lines.extend(f"{name}: {problem}" for problem in problems)
        else:
            good.append(name)
            lines.append(f"{name}: whole ({read_manifest(index_dir, name)['count']} courses)")
    leftovers = [entry for entry in os.listdir(os.path.join(index_dir, GENERATIONS))
                 if entry.startswith(".tmp-")] if os.path.isdir(os.path.join(index_dir, GENERATIONS)) else []
    if leftovers:
        lines.append(f"{len(leftovers)} unfinished import(s) left behind; the next import removes them")
    served = next((name for name in candidates(index_dir) if name in good), None)
    if served is None:
        lines.append("no whole generation: a server would import the bundled sample catalogue")
        return False, lines
    if served != named:
        lines.append(f"a server would serve {served}, not the one CURRENT names")
        return False, lines
    lines.append(f"a server serves {served}")
    return True, lines
