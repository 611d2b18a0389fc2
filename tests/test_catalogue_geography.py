"""The county neighbour relation: every county, symmetric, no county its own neighbour."""

from coursefinder.catalogue import vocabulary as v
from coursefinder.places import neighbours, neighbours_of


def test_every_county_has_neighbours_and_only_counties_are_named():
    table = neighbours()
    assert set(table) == set(v.COUNTIES)
    assert all(others and set(others) <= set(v.COUNTIES) for others in table.values())


def test_the_relation_is_symmetric_and_irreflexive():
    table = neighbours()
    for county, others in table.items():
        assert county not in others
        for other in others:
            assert county in table[other], (county, other)


def test_neighbours_of_several_counties_leave_out_the_counties_themselves():
    assert neighbours_of(["03"]) == ("32", "33")
    assert neighbours_of(["03", "32"]) == ("31", "33", "34")
    assert neighbours_of(["56"]) == ("55",)
