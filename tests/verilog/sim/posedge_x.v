module top;
  reg c;
  initial begin
    #1 c = 0;
    #1 c = 1'bx;
    #1 c = 1;
    #1 c = 0;
    #1 c = 1;
  end
  always @(posedge c) $display("posedge at %0d c=%b", $time, c);
  always @(negedge c) $display("negedge at %0d c=%b", $time, c);
endmodule
