// defparam overrides parameters through hierarchical names, including inside nested instances.
module leaf;
  parameter V = 1;
  parameter D = 1;
  initial #D $display("%m V=%0d", V);
endmodule
module mid;
  parameter D0 = 10;
  leaf #(.D(D0 + 1)) x();
  leaf #(.D(D0 + 2)) y();
  defparam y.V = 22;
endmodule
module top;
  mid m1();
  mid m2();
  defparam m1.x.V = 11;
  defparam m2.D0 = 20;
  defparam m2.x.V = 33;
endmodule
