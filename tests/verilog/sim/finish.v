module top;
  initial begin
    $display("start");
    #10 $display("before finish");
    $finish;
    $display("never");
  end
  initial #20 $display("never either");
endmodule
