module top;
  reg go = 0;
  initial begin
    wait (go) $display("go at %0d", $time);
  end
  initial #8 go = 1;
endmodule
