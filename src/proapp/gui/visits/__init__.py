"""Visit entry: the wizard and its pages (driven by the domain definitions) and the worklist
model of visits due.
"""
