import FlowServe

/// `flowc-serve`: the development server behind `flowc serve`.
print(ConstantTime.isEqual("flowc-serve", "flowc-serve") ? "flowc-serve: not wired yet" : "")
