"""The English-Norwegian glossary: data that loads, and phrases found longest first."""

from coursefinder.search.glossary import concepts, glossary


def test_the_glossary_covers_the_domain():
    table = glossary()
    for phrase in ("welding", "forklift", "warehouse", "cleaning", "kindergarten", "childcare", "health worker",
                   "nursing home", "cook", "kitchen", "bus driver", "truck driver", "carpenter", "security guard",
                   "scaffolding", "excavator", "customer service", "office", "it support", "norwegian test"):
        assert table.get(phrase), phrase


def test_phrases_are_found_longest_first_and_plurals_too():
    grouped = concepts(["health", "worker", "in", "Bergen"])
    assert grouped[0] == (["health", "worker"], ["helsefagarbeider"])
    assert grouped[-1] == (["Bergen"], None)
    assert concepts(["welders"])[0][1] == glossary()["welder"]
