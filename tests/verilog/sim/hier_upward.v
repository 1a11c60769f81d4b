// Upward hierarchical name resolution: a name starting with a module or instance name found in an enclosing scope.
module leaf;
  initial #1 $display("%m sees top.shared=%0d mid.m=%0d", top.shared, mid.m);
endmodule
module mid;
  integer m;
  initial m = 5;
  leaf l();
endmodule
module top;
  integer shared;
  initial shared = 42;
  mid mid();
endmodule
