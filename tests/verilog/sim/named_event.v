module top;
  event e;
  initial begin
    @(e) $display("got e at %0d", $time);
    @(e) $display("got e again at %0d", $time);
  end
  initial begin
    #3 -> e;
    #4 -> e;
  end
endmodule
