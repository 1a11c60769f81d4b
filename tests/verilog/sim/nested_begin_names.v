// Named begin blocks declare local variables reachable by hierarchical name; %m shows the nested block path.
module top;
  initial begin : outer
    integer v;
    v = 1;
    begin : inner
      integer v;
      v = 2;
      $display("%m inner v=%0d outer v=%0d", v, outer.v);
      outer.v = 5;
    end
    $display("%m v=%0d inner.v=%0d", v, inner.v);
  end
endmodule
