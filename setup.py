"""Package discovery: every subpackage of selfassess, plus the role library shipped from criteria/."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["selfassess", "selfassess.*"]), "selfassess.criteria"],
    package_dir={"selfassess.criteria": "criteria"},
)
